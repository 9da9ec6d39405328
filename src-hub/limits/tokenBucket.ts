/** A rate: steady, with room for a burst. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

/** The webhook API's default per account. */
export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 50, burst: 200 };

/** `retryAfterMs`: when the next token will be there. */
export type Take = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimiter {
  /** Spends `cost` tokens (default 1, e.g. one per message of a batch) or none. */
  take(key: string, cost?: number): Take;
}

/**
 * One token bucket per key (an account id, or one connection), refilled
 * continuously, so one flooding connector runs dry on its own bucket while the
 * others keep theirs. Keys must be a bounded set (known accounts): the map keeps them.
 */
export function createRateLimiter(limit: RateLimit, now: () => number): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, cost = 1) {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: limit.burst, at: t };
      bucket.tokens = Math.min(limit.burst, bucket.tokens + ((t - bucket.at) / 1000) * limit.perSecond);
      bucket.at = t;
      buckets.set(key, bucket);
      if (bucket.tokens >= cost) {
        bucket.tokens -= cost;
        return { ok: true };
      }
      return { ok: false, retryAfterMs: Math.ceil(((cost - bucket.tokens) / limit.perSecond) * 1000) };
    },
  };
}
