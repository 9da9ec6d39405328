import type { QueueSampleRow } from '../../db/queueSamples.js';

export const MINUTE_MS = 60_000;
export const HISTORY_MS = 60 * MINUTE_MS;

export interface MinutePoint {
  /** The minute's start (hub clock). */
  at: number;
  arrivals: number;
  resolved: number;
}

/**
 * Arrivals and resolutions per minute from samples of the hub's rolling 60-second counts:
 * the last sample of each minute stands for that minute (samples are oldest first).
 * Minutes without a sample (the app was closed) are left out, not drawn as zero.
 */
export function perMinute(samples: readonly QueueSampleRow[]): MinutePoint[] {
  const byMinute = new Map<number, MinutePoint>();
  for (const s of samples) {
    const at = Math.floor(s.at / MINUTE_MS) * MINUTE_MS;
    byMinute.set(at, { at, arrivals: s.arrivalsLastMinute, resolved: s.resolvedLastMinute });
  }
  return [...byMinute.values()];
}

/** Waiting over time: every sample, as [time, count] pairs. */
export const waitingSeries = (samples: readonly QueueSampleRow[]): Array<[number, number]> => samples.map((s) => [s.at, s.waiting]);
