import { describe, expect, it } from 'vitest';
import { inSlices } from './yieldToMain.js';

describe('inSlices', () => {
  it('visits every item in order and lets queued tasks run between slices', async () => {
    const seen: string[] = [];
    const other = new Promise<void>((resolve) => setTimeout(() => (seen.push('other task'), resolve()), 0));
    await inSlices(['a', 'b', 'c'], (x) => {
      seen.push(x);
      const until = performance.now() + 3;
      while (performance.now() < until); // a slice of real work
    }, 2);
    await other;
    expect(seen.filter((x) => x !== 'other task')).toEqual(['a', 'b', 'c']);
    expect(seen.indexOf('other task')).toBeLessThan(seen.length - 1); // it ran before the last item, not after all
  });

  it('runs short work in one go', async () => {
    const seen: number[] = [];
    let otherRan = false;
    setTimeout(() => (otherRan = true), 0);
    await inSlices([1, 2, 3], (x) => void seen.push(x), 1_000);
    expect(seen).toEqual([1, 2, 3]);
    expect(otherRan).toBe(false);
  });
});
