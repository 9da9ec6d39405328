import type { TFunction } from 'i18next';
import { evictFraction, evictOlderThan, type EvictionReport } from '../../db/evict.js';
import type { WorkstationDb } from '../../db/schema.js';
import type { InboxStore } from '../inbox/inboxStore.js';
import { askPersistence, readEstimate, type StorageApi } from './probeStorage.js';
import { guardQuota } from './quotaGuard.js';
import { registerStorage } from './registry.js';
import { createStorageStore } from './storageStore.js';

/** On a full disk, free about this share of the cached messages (oldest resolved conversations). */
export const QUOTA_EVICT_FRACTION = 0.2;

export interface StorageDeps {
  db: WorkstationDb;
  inbox: InboxStore;
  t: TFunction;
  /** Asks main to replay every account from the cursors IndexedDB holds (sync.refresh). */
  resync: () => Promise<void>;
  api?: StorageApi;
  memory?: Pick<Storage, 'getItem' | 'setItem'>;
}

/**
 * Storage hygiene: asks for persistent storage once, keeps usage/quota fresh, and guards
 * every write against a full disk (evict, retry once, else a persistent alert).
 */
export function startStorage({ db, inbox, t, resync, api = globalThis.navigator?.storage, memory = globalThis.localStorage }: StorageDeps) {
  const store = createStorageStore();
  const keep = () => new Set([inbox.getState().selectedId].filter((id): id is string => id !== null));
  const refreshEstimate = async () => store.setState(await readEstimate(api));
  const evicted = (report: EvictionReport, reason: 'quota' | 'manual') => {
    store.setState({ lastEviction: { ...report, at: Date.now(), reason } });
    void refreshEstimate();
  };
  const guard = guardQuota(db, {
    evict: (unguarded) => evictFraction(unguarded, QUOTA_EVICT_FRACTION, keep()),
    onEvicted: (report) => {
      evicted(report, 'quota');
      inbox.getState().notify(t('storage.evicted', { conversations: report.conversations.length, messages: report.messages }), false);
    },
    onFailed: (_error, ingest) => store.setState((s) => ({ failure: { at: Date.now(), ingest: ingest || (s.failure?.ingest ?? false) } })),
  });
  /** Lets ingest run again and replays what was refused. */
  const retry = async () => {
    guard.unblock();
    store.setState({ failure: null });
    await resync();
  };
  void askPersistence(api, memory)
    .then((persisted) => store.setState({ persisted }))
    .then(refreshEstimate);

  const service = {
    store,
    guard,
    refreshEstimate,
    retry,
    async freeOlderThan(days: number): Promise<EvictionReport> {
      const report = await evictOlderThan(db, days, Date.now(), keep());
      evicted(report, 'manual');
      if (store.getState().failure) await retry();
      return report;
    },
  };
  registerStorage(db, service);
  return service;
}

export type StorageService = ReturnType<typeof startStorage>;
