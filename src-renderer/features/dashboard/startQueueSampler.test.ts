// First: Dexie reads the IndexedDB globals when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createBridge, ok, type BridgePushName } from '../../../src-shared/index.js';
import { samplesSince, SAMPLES_KEPT_MS } from '../../db/queueSamples.js';
import type { WorkstationDb } from '../../db/schema.js';
import { freshDb } from '../../db/testing.js';
import { queuesOf } from './queueStatsStore.js';
import { startQueueSampler } from './startQueueSampler.js';
import { queueStats } from './testing.js';

/** Main's pushes, validated by the real bridge contract as in the app. */
function fakeMain() {
  const listeners = new Map<BridgePushName, (p: unknown) => void>();
  const bridge = createBridge({
    invoke: async () => ok({}),
    subscribe: (name, listener) => {
      listeners.set(name, listener);
      return () => listeners.delete(name);
    },
  });
  return { bridge, push: (name: BridgePushName, payload: unknown) => listeners.get(name)?.(payload) };
}

const general = { accountId: 'shop-a', queue: 'general', channel: 'webchat' } as const;
let db: WorkstationDb;
afterEach(async () => db?.delete());

describe('startQueueSampler', () => {
  it('shows every frame live and samples them into history, throttled', async () => {
    db = freshDb();
    const main = fakeMain();
    const sampler = startQueueSampler({ bridge: main.bridge, db, now: () => 0 });
    for (let i = 0; i < 8; i++) main.push('queues/stats', { accountId: 'shop-a', stats: [queueStats({ waiting: i, at: 1_000_000 + i * 1_000 })] });
    await sampler.settled();
    expect(queuesOf(sampler.store.getState(), 'shop-a')[0]!.waiting).toBe(7);
    expect((await samplesSince(db, general, 0)).map((s) => s.waiting)).toEqual([0, 5]);
  });

  it('keeps each queue and channel apart, and files stats only under the account that sent them', async () => {
    db = freshDb();
    const main = fakeMain();
    const sampler = startQueueSampler({ bridge: main.bridge, db });
    main.push('queues/stats', { accountId: 'shop-a', stats: [queueStats(), queueStats({ channel: 'email', waiting: 9 }), queueStats({ accountId: 'shop-b' })] });
    await sampler.settled();
    expect(queuesOf(sampler.store.getState(), 'shop-a').map((q) => [q.channel, q.waiting])).toEqual([['email', 9], ['webchat', 2]]);
    expect((await db.queueSamples.toArray()).map((s) => [s.accountId, s.channel])).toEqual([['shop-a', 'email'], ['shop-a', 'webchat']]);
  });

  it('prunes history older than the window by the hub clock', async () => {
    db = freshDb();
    const main = fakeMain();
    let now = 0;
    const sampler = startQueueSampler({ bridge: main.bridge, db, now: () => now });
    main.push('queues/stats', { accountId: 'shop-a', stats: [queueStats({ at: 1_000 })] });
    now = 120_000;
    main.push('queues/stats', { accountId: 'shop-a', stats: [queueStats({ at: 1_000 + SAMPLES_KEPT_MS + 1 })] });
    await sampler.settled();
    expect((await samplesSince(db, general, 0)).map((s) => s.at)).toEqual([1_000 + SAMPLES_KEPT_MS + 1]);
  });

  it('forgets a removed account, live and in history', async () => {
    db = freshDb();
    const main = fakeMain();
    const sampler = startQueueSampler({ bridge: main.bridge, db });
    main.push('queues/stats', { accountId: 'shop-a', stats: [queueStats()] });
    main.push('accounts/removed', { accountId: 'shop-a' });
    await sampler.settled();
    expect(queuesOf(sampler.store.getState(), 'shop-a')).toEqual([]);
    expect(await db.queueSamples.count()).toBe(0);
  });
});
