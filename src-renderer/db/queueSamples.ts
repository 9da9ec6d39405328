import { Dexie } from 'dexie';
import type { Channel, QueueStats } from '../../src-shared/index.js';
import type { WorkstationDb } from './schema.js';

/** One queue's numbers at one moment (the agents list is live state, not history). */
export type QueueSampleRow = Omit<QueueStats, 'agents'>;

/** Keyed per queue and channel: one account may serve a queue on several channels. */
export const QUEUE_SAMPLES_STORE = '[accountId+queue+channel+at], at';

/** At most one row per queue and channel this often: 720 rows an hour each. */
export const SAMPLE_EVERY_MS = 5_000;
/** What the charts can show; older rows are pruned. */
export const SAMPLES_KEPT_MS = 2 * 60 * 60_000;

export interface QueueRef {
  accountId: string;
  queue: string;
  channel: Channel;
}

export const queueRefKey = (q: QueueRef) => `${q.accountId}\u0000${q.queue}\u0000${q.channel}`;

const toRow = ({ agents: _live, ...row }: QueueStats): QueueSampleRow => row;

/**
 * Samples a frame into history, throttled per queue: `lastAt` (kept by the caller
 * across frames) remembers when each queue was last written. One transaction.
 */
export async function recordSamples(db: WorkstationDb, stats: readonly QueueStats[], lastAt: Map<string, number>): Promise<number> {
  const due = stats.filter((s) => {
    const last = lastAt.get(queueRefKey(s));
    return last === undefined || s.at - last >= SAMPLE_EVERY_MS || s.at < last;
  });
  if (due.length === 0) return 0;
  await db.queueSamples.bulkPut(due.map(toRow));
  for (const s of due) lastAt.set(queueRefKey(s), s.at);
  return due.length;
}

/** Removes every sample taken before `before` (all accounts: one index range). */
export const pruneSamples = (db: WorkstationDb, before: number) => db.queueSamples.where('at').below(before).delete();

/** One queue's samples since `since`, oldest first (one compound-index range). */
export const samplesSince = (db: WorkstationDb, q: QueueRef, since: number) =>
  db.queueSamples
    .where('[accountId+queue+channel+at]')
    .between([q.accountId, q.queue, q.channel, since], [q.accountId, q.queue, q.channel, Dexie.maxKey], true, true)
    .toArray();

/** Drops an account's history when the account is removed from this workstation. */
export const forgetSamples = (db: WorkstationDb, accountId: string) =>
  db.queueSamples
    .where('[accountId+queue+channel+at]')
    // Every key that starts with the account: `[id]` sorts before them, `[id, []]` after
    // (an array sorts above any string queue key).
    .between([accountId], [accountId, []])
    .delete();
