import { ok, type Message, type Result, type WorkstationBridge } from '../../../src-shared/index.js';
import { markAttempt, markDelivered, markFailed, outboxHeads } from '../../db/outbox.js';
import { isTransient, startRetryLoop } from '../../app/retryLoop.js';
import type { OutboxRow, WorkstationDb } from '../../db/schema.js';
import type { AccountsStore } from '../accounts/accountsStore.js';

export interface OutboxDeps {
  db: WorkstationDb;
  bridge: WorkstationBridge;
  accounts: AccountsStore;
  log?: (line: string) => void;
  /** How often queued rows are tried again while nothing else kicks the sender. */
  retryMs?: number;
  /** An escalation landed (now, or replayed after being offline); `servedBy`: people online in its target queue. */
  onEscalated?: (row: OutboxRow, servedBy: number | undefined) => void;
}

/**
 * Sends the outbox: per conversation, strictly in order, one reply at a time, each
 * with its own client id, so the hub's idempotency makes every replay safe. Runs on
 * start (replies left by a previous run), on every new reply, when an account comes
 * online, and on a timer (see app/retryLoop.ts).
 */
export function startOutbox({ db, bridge, accounts, log = console.error, retryMs = 5_000, onEscalated }: OutboxDeps) {
  const online = (accountId: string) => accounts.getState().byId[accountId]?.status === 'online';

  /** One row, one hub command; answers the message it became (null for an escalation). */
  async function sendRow(row: OutboxRow): Promise<Result<Message | null>> {
    const { accountId, conversationId, clientId, text } = row;
    if (row.kind === 'escalate') {
      const result = await bridge.conversations.escalate({ accountId, conversationId, clientId, reason: text, ...row.escalation! });
      if (!result.ok) return result;
      onEscalated?.(row, result.value.servedBy);
      return ok(null);
    }
    const result = await bridge.conversations[row.kind === 'note' ? 'note' : 'send']({ accountId, conversationId, clientId, text });
    return result.ok ? ok(result.value.message) : result;
  }

  /** Tries each conversation's head once; true when something was delivered (its successor is next). */
  async function pass(stopped: () => boolean): Promise<boolean> {
    let delivered = false;
    for (const row of await outboxHeads(db)) {
      if (stopped() || row.state !== 'queued' || !online(row.accountId)) continue;
      await markAttempt(db, row);
      const result = await sendRow(row);
      if (result.ok) {
        await markDelivered(db, row.clientId, result.value);
        delivered = true;
      } else if (!isTransient(result.error.code)) {
        await markFailed(db, row.clientId, result.error);
      }
    }
    return delivered;
  }

  return startRetryLoop({ accounts, pass, name: 'outbox', log, retryMs });
}

export type Outbox = ReturnType<typeof startOutbox>;
