import { expect, it } from 'vitest';
import { createRateLimiter } from './tokenBucket.js';

const takeMany = (limiter: ReturnType<typeof createRateLimiter>, key: string, n: number) =>
  Array.from({ length: n }, () => limiter.take(key).ok).filter(Boolean).length;

it.each([
  // perSecond, burst, elapsed ms after draining, tokens available again
  [50, 200, 0, 0],
  [50, 200, 100, 5],
  [50, 200, 1_000, 50],
  [50, 200, 60_000, 200],
  [2, 3, 499, 0],
  [2, 3, 500, 1],
])('rate %i/s burst %i: %i ms after draining, %i more pass', (perSecond, burst, elapsed, expected) => {
  let t = 0;
  const limiter = createRateLimiter({ perSecond, burst }, () => t);
  expect(takeMany(limiter, 'a', burst + 10)).toBe(burst);
  t += elapsed;
  expect(takeMany(limiter, 'a', burst + 10)).toBe(expected);
});

it('one key running dry leaves the others full, and says when to come back', () => {
  const limiter = createRateLimiter({ perSecond: 10, burst: 2 }, () => 0);
  limiter.take('flood');
  limiter.take('flood');
  expect(limiter.take('flood')).toEqual({ ok: false, retryAfterMs: 100 });
  expect(limiter.take('quiet')).toEqual({ ok: true });
});
