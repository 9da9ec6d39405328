import type { HubAccount } from '../../../src-shared/domain/account.js';
import type { HubContext } from '../../context.js';
import { createCoalescingQueue } from '../../events/coalescingQueue.js';
import type { InboundMessage } from './inboundMessage.js';
import { ingestWebhookMessages, type IngestOutcome } from './ingestWebhookMessage.js';

/**
 * Messages of one account stored in one journal record at most: several full
 * batch requests. Requests that arrive while a record commits wait for the next
 * one, so with a few batch requests in flight the next record takes all of them
 * at once; a transaction's fixed costs and the repeats of a customer writing
 * several lines are then shared by up to 400 messages, not 100 (a quarter
 * to a third more messages/s on the batch benchmark).
 */
export const MAX_INGEST_BATCH = 400;

export interface InboundQueue {
  /**
   * Resolves once the message's rows are committed (or it was a replay); rejects if storing it
   * failed, with StaleSecretError if `verifiedWith` is no longer the account's secret.
   */
  ingest(account: HubAccount, input: InboundMessage, verifiedWith: string): Promise<IngestOutcome>;
  /** Waits for messages in flight. */
  drain(): Promise<void>;
}

interface Item {
  account: HubAccount;
  input: InboundMessage;
  verifiedWith: string;
}

/**
 * Webhook messages of an account that arrive together (single requests from
 * many connector workers, or the items of a batch request) are stored in one
 * journal record with a handful of multi-row statements, instead of a record of
 * seven statements each. Messages checked with different secrets (around a
 * rotation) never share a record: the secret is part of the key.
 */
export function createInboundQueue(ctx: HubContext): InboundQueue {
  const queue = createCoalescingQueue<Item, IngestOutcome>((_key, items) => {
    const { account, verifiedWith } = items[0]!;
    return ingestWebhookMessages(ctx, account, items.map((item) => item.input), verifiedWith);
  }, MAX_INGEST_BATCH);
  return {
    ingest: (account, input, verifiedWith) => queue.push(`${account.id}\n${verifiedWith}`, { account, input, verifiedWith }),
    drain: () => queue.drain(),
  };
}
