import type { Transaction } from 'dexie';

/**
 * Every schema version the app ever shipped, in order, kept forever (Dexie's rule).
 * A new version appends an entry; its `upgrade` moves old rows, and a test opens a
 * database created at every earlier version with the current code.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
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
];
