import type { HubAccount } from '../../../src-shared/domain/account.js';
import type { HubContext } from '../../context.js';
import { createKeyedBatchQueue } from '../../events/batchQueue.js';
import type { InboundMessage } from './inboundMessage.js';
import { ingestWebhookMessages, type IngestOutcome } from './ingestWebhookMessage.js';

/** Messages of one account stored in one journal record at most (a full batch request fits). */
export const MAX_INGEST_BATCH = 100;

export interface InboundQueue {
  /**
   * Resolves once the message's rows are committed (or it was a replay); rejects if storing it
   * failed, with StaleSecretError if `verifiedWith` is no longer the account's secret.
   */
  ingest(account: HubAccount, input: InboundMessage, verifiedWith: string): Promise<IngestOutcome>;
  /** Waits for messages in flight. */
  drain(): Promise<void>;
}

interface Job {
  account: HubAccount;
  input: InboundMessage;
  verifiedWith: string;
  resolve(outcome: IngestOutcome): void;
  reject(error: unknown): void;
}

/**
 * Webhook messages of an account that arrive while its previous ones are being
 * stored (single requests from many connector workers, or the items of a batch
 * request) are stored together: one journal record and a handful of multi-row
 * statements instead of a record of seven statements each. Nobody hears back
 * before the commit. If the shared record fails (or its messages were checked
 * with different secrets, around a rotation), its messages are stored again one
 * record each, so only the message at fault fails.
 */
export function createInboundQueue(ctx: HubContext): InboundQueue {
  const settle = (jobs: Job[], outcomes: IngestOutcome[]) => jobs.forEach((job, i) => job.resolve(outcomes[i]!));
  const queue = createKeyedBatchQueue<Job>(async (_accountId, jobs) => {
    const { account, verifiedWith } = jobs[0]!;
    if (jobs.every((job) => job.verifiedWith === verifiedWith)) {
      try {
        return settle(jobs, await ingestWebhookMessages(ctx, account, jobs.map((job) => job.input), verifiedWith));
      } catch (error) {
        if (jobs.length === 1) return jobs[0]!.reject(error);
      }
    }
    for (const job of jobs) {
      await ingestWebhookMessages(ctx, account, [job.input], job.verifiedWith).then((outcomes) => settle([job], outcomes), job.reject);
    }
  }, MAX_INGEST_BATCH);
  return {
    ingest: (account, input, verifiedWith) => new Promise((resolve, reject) => queue.push(account.id, { account, input, verifiedWith, resolve, reject })),
    drain: () => queue.drain(),
  };
}
