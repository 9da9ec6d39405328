import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { queueStats } from '../features/dashboard/testing.js';
import { forgetSamples, pruneSamples, recordSamples, SAMPLE_EVERY_MS, samplesSince } from './queueSamples.js';
import { freshDb } from './testing.js';

const general = { accountId: 'shop-a', queue: 'general', channel: 'webchat' } as const;

describe('queue samples', () => {
  it('writes at most one row per queue and channel every few seconds, without the agents', async () => {
    const db = freshDb();
    const lastAt = new Map<string, number>();
    for (let at = 1_000_000; at < 1_000_000 + 12_000; at += 1_000) {
      await recordSamples(db, [queueStats({ at, waiting: at % 7 }), queueStats({ at, channel: 'email' })], lastAt);
    }
    const rows = await samplesSince(db, general, 0);
    expect(rows.map((r) => r.at)).toEqual([1_000_000, 1_000_000 + SAMPLE_EVERY_MS, 1_000_000 + 2 * SAMPLE_EVERY_MS]);
    expect(rows[0]).not.toHaveProperty('agents');
    expect(await db.queueSamples.count()).toBe(6);
  });

  it('keeps queues apart and reads only the asked range', async () => {
    const db = freshDb();
    const lastAt = new Map<string, number>();
    await recordSamples(db, [queueStats({ at: 10_000 }), queueStats({ queue: 'tier2', at: 10_000 }), queueStats({ accountId: 'shop-b', at: 10_000 })], lastAt);
    await recordSamples(db, [queueStats({ at: 20_000, waiting: 9 })], lastAt);
    expect(await samplesSince(db, general, 15_000)).toEqual([expect.objectContaining({ at: 20_000, waiting: 9 })]);
    expect(await samplesSince(db, { ...general, queue: 'tier2' }, 0)).toHaveLength(1);
  });

  it('prunes rows older than the window, and forgets a removed account', async () => {
    const db = freshDb();
    const lastAt = new Map<string, number>();
    await recordSamples(db, [queueStats({ at: 10_000 }), queueStats({ accountId: 'shop-b', at: 10_000 })], lastAt);
    await recordSamples(db, [queueStats({ at: 60_000 }), queueStats({ accountId: 'shop-b', at: 60_000 })], lastAt);
    await pruneSamples(db, 30_000);
    expect((await db.queueSamples.toArray()).map((r) => [r.accountId, r.at])).toEqual([['shop-a', 60_000], ['shop-b', 60_000]]);
    await forgetSamples(db, 'shop-a');
    expect((await db.queueSamples.toArray()).map((r) => r.accountId)).toEqual(['shop-b']);
  });
});
