import { createStore } from 'zustand/vanilla';
import type { QueueStats } from '../../../src-shared/index.js';
import { queueRefKey } from '../../db/queueSamples.js';

/** The hub's latest live numbers, per account and per queue and channel. */
export interface QueueStatsState {
  byAccount: Record<string, Record<string, QueueStats>>;
  /** When this workstation last received a frame for each account (the "loading" state ends). */
  receivedAt: Record<string, number>;
  received(accountId: string, stats: readonly QueueStats[], now: number): void;
  forget(accountId: string): void;
}

/**
 * Frames are merged by queue and channel, not replaced: a hub may send only the queues
 * that changed. A frame older than what is held for a queue (volatile frames can cross
 * a reconnect) does not roll the numbers back.
 */
export const createQueueStatsStore = () =>
  createStore<QueueStatsState>()((set) => ({
    byAccount: {},
    receivedAt: {},
    received: (accountId, stats, now) =>
      set((s) => {
        const queues = { ...s.byAccount[accountId] };
        for (const q of stats) {
          if (q.accountId !== accountId) continue;
          const key = queueRefKey(q);
          if ((queues[key]?.at ?? -1) <= q.at) queues[key] = q;
        }
        return { byAccount: { ...s.byAccount, [accountId]: queues }, receivedAt: { ...s.receivedAt, [accountId]: now } };
      }),
    forget: (accountId) =>
      set((s) => {
        const { [accountId]: _gone, ...byAccount } = s.byAccount;
        const { [accountId]: _at, ...receivedAt } = s.receivedAt;
        return { byAccount, receivedAt };
      }),
  }));

export type QueueStatsStore = ReturnType<typeof createQueueStatsStore>;

/** An account's queues in a stable order: by queue key, then channel. */
export const queuesOf = (state: QueueStatsState, accountId: string): QueueStats[] =>
  Object.values(state.byAccount[accountId] ?? {}).sort((a, b) => a.queue.localeCompare(b.queue) || a.channel.localeCompare(b.channel));
