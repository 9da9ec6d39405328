import type { ErrorCode, WorkstationBridge } from '../../../src-shared/index.js';
import { markAttempt, markDelivered, markFailed, outboxHeads } from '../../db/outbox.js';
import type { WorkstationDb } from '../../db/schema.js';
import type { AccountsStore } from '../accounts/accountsStore.js';

/** Errors that say "not now" rather than "no": the row stays queued and is tried again. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['offline', 'timeout']);

export interface OutboxDeps {
  db: WorkstationDb;
  bridge: WorkstationBridge;
  accounts: AccountsStore;
  log?: (line: string) => void;
  /** How often queued rows are tried again while nothing else kicks the sender. */
  retryMs?: number;
}

/**
 * Sends the outbox: per conversation, strictly in order, one reply at a time, each
 * with its own client id, so the hub's idempotency makes every replay safe. Runs on
 * start (replies left by a previous run), on every new reply, when an account comes
 * online, and on a timer; a run requested while one is going runs right after it.
 */
export function startOutbox({ db, bridge, accounts, log = console.error, retryMs = 5_000 }: OutboxDeps) {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const online = (accountId: string) => accounts.getState().byId[accountId]?.status === 'online';

  /** Tries each conversation's head once; true when something was delivered (its successor is next). */
  async function pass(): Promise<boolean> {
    let delivered = false;
    for (const row of await outboxHeads(db)) {
      if (stopped || row.state !== 'queued' || !online(row.accountId)) continue;
      await markAttempt(db, row);
      const { accountId, conversationId, clientId, text } = row;
      const result = await bridge.conversations[row.kind === 'note' ? 'note' : 'send']({ accountId, conversationId, clientId, text });
      if (result.ok) {
        await markDelivered(db, clientId, result.value.message);
        delivered = true;
      } else if (!TRANSIENT.has(result.error.code)) {
        await markFailed(db, clientId, result.error);
      }
    }
    return delivered;
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      while (!stopped && (await pass()));
    } while (again && !stopped);
  }

  const kick = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = drain()
      .catch((e: unknown) => log(`outbox: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => (running = null));
    return running;
  };

  const unsubscribe = accounts.subscribe((state, previous) => {
    const cameOnline = Object.values(state.byId).some((a) => a.status === 'online' && previous.byId[a.id]?.status !== 'online');
    if (cameOnline) void kick();
  });
  const timer = setInterval(() => void kick(), retryMs);
  void kick();

  return {
    kick,
    /** Resolves when the current run (if any) is over. */
    idle: () => running ?? Promise.resolve(),
    stop() {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
    },
  };
}

export type Outbox = ReturnType<typeof startOutbox>;
