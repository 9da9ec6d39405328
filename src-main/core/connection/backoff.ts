import type { Random } from '../ports/clock.js';

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 500, capMs: 30_000 };

/**
 * Capped exponential backoff with full jitter (AWS architecture blog, "Exponential
 * Backoff And Jitter"): uniform in [0, min(cap, base · 2^attempt)). Full jitter
 * spreads the reconnects of many workstations after a hub restart.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: Random): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}
