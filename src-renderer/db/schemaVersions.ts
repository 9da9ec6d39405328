import type { Transaction } from 'dexie';
import { inboxKeys } from './inboxKeys.js';
import { QUEUE_SAMPLES_STORE } from './queueSamples.js';
import type { CachedConversation } from './schema.js';
import { BACKLOG_STORE } from './searchBacklog.js';
import { backfillCustomerTerms, requeueAllMessages } from './searchBackfill.js';
import { CUSTOMER_TERMS_STORE } from './searchCustomers.js';
import { CHUNKS_STORE, POSTINGS_STORE } from './searchIndex.js';
import { SEARCH_STATE_STORE } from './searchState.js';
import { AUDIT_STORE } from './auditLog.js';

/**
 * Every schema version the app ever shipped, in order, kept forever (Dexie's rule).
 * A new version appends an entry; its `upgrade` moves old rows, and a test opens a
 * database created at every earlier version with the current code.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<unknown>;
}

/** Derives every cached conversation's inbox keys again (when what they mean changes). */
const rekeyConversations = (tx: Transaction) =>
  tx
    .table<CachedConversation>('conversations')
    .toCollection()
    .modify((c) => void Object.assign(c, inboxKeys(c)));

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      conversations: 'id, accountId, lastActivityAt, [accountId+status+lastActivityAt], assigneeId',
      messages: 'id, [conversationId+createdAt], clientId',
      cursors: 'accountId',
    },
  },
  {
    // The offline outbox (replies written before they leave) and per-conversation drafts.
    version: 2,
    stores: {
      outbox: 'clientId, accountId, [conversationId+createdAt]',
      drafts: 'conversationId',
    },
  },
  {
    // Inbox filters read one index range each (see inboxKeys.ts); a customer's other
    // conversations by customer id, email or phone.
    version: 3,
    stores: {
      conversations:
        'id, accountId, lastActivityAt, [accountId+status+lastActivityAt], assigneeId, [open+lastActivityAt], [queueKey+lastActivityAt], customer.id, customer.email, customer.phone',
    },
    upgrade: rekeyConversations,
  },
  {
    // The knowledge base (articles and canned replies) synced from kb.changed. Keyed per
    // account: two shops may use the same article ids.
    version: 4,
    stores: { kb: '[accountId+id], [accountId+kind]' },
  },
  {
    // Full-text search (search*.ts): postings blocks and customer terms; customers cached
    // before are indexed here (their messages by v8's re-queue).
    version: 5,
    stores: { searchPostings: POSTINGS_STORE, searchCustomers: CUSTOMER_TERMS_STORE },
    upgrade: backfillCustomerTerms,
  },
  {
    // What agents did with AI suggestions (inserted / edited / ignored, thumbs), kept
    // until the hub has them (`pending` 1 → 0), then read per article by leads.
    version: 6,
    // `messageId`: one set of rows per customer message and agent (see features/feedback/feedbackCapture.ts).
    stores: { suggestionFeedback: 'clientId, [accountId+articleId], pending, messageId' },
  },
  {
    // The lead's queue dashboard history: one row per queue and channel every few seconds,
    // so the charts survive a reload; pruned by `at` (see queueSamples.ts).
    version: 7,
    stores: { queueSamples: QUEUE_SAMPLES_STORE },
  },
  {
    // Search postings leave the ingest transaction: ingest queues new message ids
    // (searchBacklog), a background indexer writes their postings per chunk and records
    // what each chunk covered (searchChunks, so eviction can remove a message's
    // postings); customer terms are also found by conversation. Every message cached
    // before is re-queued (searchBackfill.ts).
    version: 8,
    stores: {
      searchBacklog: BACKLOG_STORE,
      searchChunks: CHUNKS_STORE,
      searchState: SEARCH_STATE_STORE,
      searchCustomers: `${CUSTOMER_TERMS_STORE}, conversationId`,
    },
    upgrade: requeueAllMessages,
  },
  {
    // The audit log leads and supervisors receive (escalations, takeovers, reassignments,
    // whispers, barge-ins, KB edits), newest first per account.
    version: 9,
    stores: { auditLog: AUDIT_STORE },
  },
  {
    // The bot's conversations get their own inbox key ('bot'), so "unassigned" means
    // waiting for a person; cached rows are keyed again.
    version: 10,
    stores: {},
    upgrade: rekeyConversations,
  },
];
