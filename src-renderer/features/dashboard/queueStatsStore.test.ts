import { describe, expect, it } from 'vitest';
import { createQueueStatsStore, queuesOf } from './queueStatsStore.js';
import { queueStats } from './testing.js';

describe('queue stats store', () => {
  it('keeps the latest numbers per queue and channel, merged across frames, in a stable order', () => {
    const store = createQueueStatsStore();
    store.getState().received('shop-a', [queueStats({ queue: 'tier2', waiting: 1 }), queueStats({ waiting: 2 })], 5);
    store.getState().received('shop-a', [queueStats({ waiting: 7, at: 1_001_000 })], 6);
    expect(queuesOf(store.getState(), 'shop-a').map((q) => [q.queue, q.waiting])).toEqual([['general', 7], ['tier2', 1]]);
    expect(store.getState().receivedAt).toEqual({ 'shop-a': 6 });
  });

  it('does not roll back to an older frame, and ignores stats of another account', () => {
    const store = createQueueStatsStore();
    store.getState().received('shop-a', [queueStats({ waiting: 5, at: 2_000 })], 1);
    store.getState().received('shop-a', [queueStats({ waiting: 1, at: 1_000 }), queueStats({ accountId: 'shop-b', queue: 'vip' })], 2);
    expect(queuesOf(store.getState(), 'shop-a').map((q) => [q.queue, q.waiting])).toEqual([['general', 5]]);
  });

  it('forgets a removed account', () => {
    const store = createQueueStatsStore();
    store.getState().received('shop-a', [queueStats()], 1);
    store.getState().forget('shop-a');
    expect(queuesOf(store.getState(), 'shop-a')).toEqual([]);
    expect(store.getState().receivedAt).toEqual({});
  });
});
