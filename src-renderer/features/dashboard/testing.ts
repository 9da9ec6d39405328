import type { QueueStats } from '../../../src-shared/index.js';

/** One queue's live numbers as the hub sends them, for dashboard tests. */
export const queueStats = (over: Partial<QueueStats> = {}): QueueStats => ({
  accountId: 'shop-a',
  queue: 'general',
  channel: 'webchat',
  waiting: 2,
  active: 3,
  bot: 1,
  longestWaitMs: 45_000,
  slaBreaches: 0,
  arrivalsLastMinute: 4,
  resolvedLastMinute: 1,
  agents: [{ personId: 'alice', name: 'Alice', status: 'online', load: 2, capacity: 4 }],
  at: 1_000_000,
  ...over,
});
