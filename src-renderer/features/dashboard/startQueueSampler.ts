import type { WorkstationBridge } from '../../../src-shared/index.js';
import { forgetSamples, pruneSamples, recordSamples, SAMPLES_KEPT_MS } from '../../db/queueSamples.js';
import type { WorkstationDb } from '../../db/schema.js';
import { createQueueStatsStore } from './queueStatsStore.js';

const PRUNE_EVERY_MS = 60_000;

export interface SamplerDeps {
  bridge: WorkstationBridge;
  db: WorkstationDb;
  now?: () => number;
  log?: (line: string) => void;
}

/**
 * Runs for the whole session, dashboard open or not, so its charts have history when a
 * lead opens it: each `queues/stats` push updates the live store and is sampled into
 * Dexie (throttled per queue), with history pruned to the last hours about once a minute.
 */
export function startQueueSampler({ bridge, db, now = Date.now, log = console.error }: SamplerDeps) {
  const store = createQueueStatsStore();
  const lastAt = new Map<string, number>();
  let prunedAt = 0;
  // Writes one after another: a slow commit must not let a later frame overtake it.
  let chain = Promise.resolve();
  const inOrder = (work: () => Promise<unknown>) => {
    chain = chain.then(work).then(
      () => undefined,
      (e: unknown) => log(`queue samples: ${e instanceof Error ? e.message : String(e)}`),
    );
  };

  const offStats = bridge.queues.onStats(({ accountId, stats }) => {
    const t = now();
    store.getState().received(accountId, stats, t);
    const mine = stats.filter((s) => s.accountId === accountId);
    inOrder(async () => {
      await recordSamples(db, mine, lastAt);
      if (mine.length === 0 || t - prunedAt < PRUNE_EVERY_MS) return;
      prunedAt = t;
      // By the hub's clock, as the samples are: a local clock running ahead prunes nothing early.
      await pruneSamples(db, Math.max(...mine.map((s) => s.at)) - SAMPLES_KEPT_MS);
    });
  });
  const offRemoved = bridge.accounts.onRemoved(({ accountId }) => {
    store.getState().forget(accountId);
    for (const key of [...lastAt.keys()]) if (key.startsWith(`${accountId}\u0000`)) lastAt.delete(key);
    inOrder(() => forgetSamples(db, accountId));
  });

  return {
    store,
    /** Waits until every frame received so far is sampled (tests). */
    settled: () => chain,
    stop() {
      offStats();
      offRemoved();
    },
  };
}

export type QueueSampler = ReturnType<typeof startQueueSampler>;
