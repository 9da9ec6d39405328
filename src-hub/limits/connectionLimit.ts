import type { ErrorInfo } from '../../src-shared/result.js';
import { createRateLimiter, type RateLimit } from './tokenBucket.js';

/** Per-connection rates; null turns one off (benchmarks that measure the hub's own ceiling). */
export interface ConnectionLimits {
  /** Commands on one /agent socket. */
  agentCommands: RateLimit | null;
  /** Messages on one /customer (widget) socket. */
  customerMessages: RateLimit | null;
}

/**
 * Far above a fast typist and a workstation replaying its outbox in order (one
 * send at a time); a script flooding one socket runs dry within a second.
 */
export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  agentCommands: { perSecond: 20, burst: 40 },
  customerMessages: { perSecond: 5, burst: 20 },
};

export const RATE_LIMITED: ErrorInfo = { code: 'rate-limited', message: 'rate limited, slow down' };

/**
 * One bucket for one connection, made when it opens and dropped with it: the
 * flooding socket is refused on its own and nothing else slows down. Returns
 * whether this call may go ahead; a refusal is logged once per run of refusals.
 */
export function limitConnection(limit: RateLimit | null, now: () => number, onFlood: () => void): () => boolean {
  if (limit === null) return () => true;
  const bucket = createRateLimiter(limit, now);
  let refusing = false;
  return () => {
    const taken = bucket.take('connection').ok;
    if (!taken && !refusing) onFlood();
    refusing = !taken;
    return taken;
  };
}
