import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultBackoff } from './backoff.js';

const policy = { baseMs: 500, capMs: 30_000 };

describe('backoffDelay', () => {
  it.each([
    [0, 500],
    [1, 1_000],
    [2, 2_000],
    [5, 16_000],
    [6, 30_000],
    [20, 30_000],
    [1_000, 30_000],
  ])('attempt %i stays below a ceiling of %i ms', (attempt, ceiling) => {
    expect(backoffDelay(attempt, policy, () => 0.999_999)).toBe(Math.floor(0.999_999 * ceiling));
    expect(backoffDelay(attempt, policy, () => 0)).toBe(0);
    for (let i = 0; i < 50; i += 1) {
      const delay = backoffDelay(attempt, policy, Math.random);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(ceiling);
    }
  });

  it('is jittered: the same attempt gives different delays', () => {
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(8, defaultBackoff, Math.random)));
    expect(delays.size).toBeGreaterThan(10);
  });

  it.each([-1, -5])('treats a negative attempt %i as the first', (attempt) => {
    expect(backoffDelay(attempt, policy, () => 0.5)).toBe(250);
  });
});
