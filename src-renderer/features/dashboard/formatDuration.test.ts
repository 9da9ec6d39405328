import { describe, expect, it } from 'vitest';
import { formatDuration } from './formatDuration.js';

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [-5_000, '0:00'],
    [45_999, '0:45'],
    [725_000, '12:05'],
    [3_723_000, '1:02:03'],
  ])('%i ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
