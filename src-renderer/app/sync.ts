import type { HubEvent, WorkstationBridge } from '../../src-shared/index.js';
import { forgetAccount, ingestBatch, readCursor } from '../db/ingest.js';
import type { WorkstationDb } from '../db/schema.js';
import type { AccountsStore } from '../features/accounts/accountsStore.js';

/** A merged batch stays well under what one transaction stores without a long task (see db/ingest.ts). */
const MAX_MERGED = 1_000;

interface Pending {
  events: HubEvent[];
  live: boolean;
}

export interface SyncDeps {
  bridge: WorkstationBridge;
  db: WorkstationDb;
  accounts: AccountsStore;
  log?: (line: string) => void;
  /**
   * Called with the new events of a batch once they are stored (notifications).
   * `live`: the batch arrived while the account was online, not during a replay.
   */
  onStored?: (accountId: string, events: HubEvent[], live: boolean) => void | Promise<void>;
}

/**
 * Feeds the cache from main: events are stored first (one transaction per batch,
 * cursor included), and only then reported as committed, so main never resumes past
 * what IndexedDB holds. Batches of one account are stored strictly in order.
 */
export function startSync({ bridge, db, accounts, log = console.error, onStored }: SyncDeps) {
  const chains = new Map<string, Promise<void>>();
  const inOrder = (accountId: string, work: () => Promise<void>) => {
    const next = (chains.get(accountId) ?? Promise.resolve()).then(work).catch((e: unknown) => {
      log(`sync: ${accountId}: ${e instanceof Error ? e.message : String(e)}`);
    });
    chains.set(accountId, next);
    return next;
  };

  const ingest = async (accountId: string, { events, live }: Pending) => {
    const channel = accounts.getState().byId[accountId]?.channel ?? undefined;
    const { cursor, applied, events: stored } = await ingestBatch(db, accountId, events, { channel });
    if (applied === 0) return;
    await bridge.events.committed({ accountId, seq: cursor });
    void Promise.resolve(onStored?.(accountId, stored, live)).catch((e: unknown) => log(`alerts: ${String(e)}`));
  };

  /**
   * Pushes that arrive while an account's batch is being stored wait here and are
   * merged: live traffic on many accounts comes as many tiny pushes, and one
   * transaction per push would fall behind (each costs the same fixed overhead).
   */
  const pending = new Map<string, Pending[]>();
  const store = (accountId: string, events: HubEvent[]) => {
    // Judged on arrival: main pushes a replay before the status that ends it, so
    // the store still says `syncing` for every replayed batch.
    const live = accounts.getState().byId[accountId]?.status === 'online';
    const waiting = pending.get(accountId);
    if (waiting) {
      // Only batches of the same kind merge: a replayed event must never alert as live.
      const last = waiting.at(-1)!;
      if (last.live === live && last.events.length + events.length <= MAX_MERGED) last.events.push(...events);
      else waiting.push({ events: [...events], live });
      return chains.get(accountId)!;
    }
    pending.set(accountId, [{ events: [...events], live }]);
    return inOrder(accountId, async () => {
      const batches = pending.get(accountId) ?? [];
      pending.delete(accountId);
      for (const batch of batches) await ingest(accountId, batch);
    });
  };

  const offReceived = bridge.events.onReceived(({ accountId, events }) => void store(accountId, events));
  const offStatus = bridge.accounts.onStatusChanged((view) => accounts.getState().upsert(view));
  const offRemoved = bridge.accounts.onRemoved(({ accountId }) => {
    accounts.getState().remove(accountId);
    void inOrder(accountId, () => forgetAccount(db, accountId));
  });

  /** (Re)loads the account list and asks main to replay from what this cache holds. */
  const refresh = async () => {
    const listed = await bridge.accounts.list({});
    if (!listed.ok) return log(`sync: cannot list accounts: ${listed.error.message}`);
    accounts.getState().replaceAll(listed.value);
    await Promise.all(
      listed.value.map(async ({ id }) => bridge.events.resume({ accountId: id, cursor: await readCursor(db, id) })),
    );
  };

  return {
    refresh,
    /** Waits until everything received so far is stored (tests, shutdown). */
    settled: () => Promise.all(chains.values()).then(() => undefined),
    stop() {
      offReceived();
      offStatus();
      offRemoved();
    },
  };
}
