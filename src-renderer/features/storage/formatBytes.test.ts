import { describe, expect, it } from 'vitest';
import { formatBytes, percentOf } from './formatBytes.js';

describe('formatBytes', () => {
  it.each([
    [0, '0 byte'],
    [512, '512 byte'],
    [1536, '1.5 kB'],
    [5 * 2 ** 20, '5 MB'],
    [2.25 * 2 ** 30, '2.3 GB'],
  ])('%i → %s (en)', (bytes, text) => {
    expect(formatBytes(bytes, 'en')).toBe(text);
  });
});

describe('percentOf', () => {
  it.each([
    [1, 4, 25],
    [1, 3, 33.3],
    [5, 0, 0],
  ])('%i of %i is %d %%', (usage, quota, pct) => {
    expect(percentOf(usage, quota)).toBe(pct);
  });
});
