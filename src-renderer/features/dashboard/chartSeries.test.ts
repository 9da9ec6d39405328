import { describe, expect, it } from 'vitest';
import type { QueueSampleRow } from '../../db/queueSamples.js';
import { MINUTE_MS, perMinute, waitingSeries } from './chartSeries.js';
import { queueStats } from './testing.js';

const sample = (at: number, arrivals: number, resolved: number, waiting = 0): QueueSampleRow => {
  const { agents: _agents, ...row } = queueStats({ at, arrivalsLastMinute: arrivals, resolvedLastMinute: resolved, waiting });
  return row;
};

describe('chart series', () => {
  it('takes the last rolling count of each minute, and skips minutes without samples', () => {
    const t0 = 100 * MINUTE_MS;
    const points = perMinute([sample(t0 + 5_000, 1, 0), sample(t0 + 55_000, 4, 2), sample(t0 + MINUTE_MS + 10_000, 3, 3), sample(t0 + 3 * MINUTE_MS, 0, 1)]);
    expect(points).toEqual([
      { at: t0, arrivals: 4, resolved: 2 },
      { at: t0 + MINUTE_MS, arrivals: 3, resolved: 3 },
      { at: t0 + 3 * MINUTE_MS, arrivals: 0, resolved: 1 },
    ]);
  });

  it('draws waiting at every sample', () => {
    expect(waitingSeries([sample(1_000, 0, 0, 2), sample(6_000, 0, 0, 5)])).toEqual([[1_000, 2], [6_000, 5]]);
  });
});
