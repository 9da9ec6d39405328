import type { Transaction } from 'dexie';
import { inboxKeys } from './inboxKeys.js';
import type { CachedConversation } from './schema.js';
import { backfillSearch } from './searchBackfill.js';
import { CUSTOMER_TERMS_STORE } from './searchCustomers.js';
import { POSTINGS_STORE } from './searchIndex.js';

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
    upgrade: (tx) =>
      tx
        .table<CachedConversation>('conversations')
        .toCollection()
        .modify((c) => void Object.assign(c, inboxKeys(c))),
  },
  {
    // The knowledge base (articles and canned replies) synced from kb.changed. Keyed per
    // account: two shops may use the same article ids.
    version: 4,
    stores: { kb: '[accountId+id], [accountId+kind]' },
  },
  {
    // Full-text search (search*.ts): postings blocks written with the messages they cover,
    // customer terms; messages and customers cached before are indexed here.
    version: 5,
    stores: { searchPostings: POSTINGS_STORE, searchCustomers: CUSTOMER_TERMS_STORE },
    upgrade: backfillSearch,
  },
];
