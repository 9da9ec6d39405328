import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Conversation, ErrorInfo, EscalationTarget, ImageMime, KbArticle, Message } from '../../src-shared/index.js';
import type { InboxKeys } from './inboxKeys.js';
import type { AuditRow } from './auditLog.js';
import type { QueueSampleRow } from './queueSamples.js';
import { SCHEMA_VERSIONS, type SchemaVersion } from './schemaVersions.js';
import type { CustomerTermRow } from './searchCustomers.js';
import type { SuggestionFeedbackRow } from './suggestionFeedback.js';
import type { BacklogRow } from './searchBacklog.js';
import type { ChunkRow, PostingBlock } from './searchIndex.js';
import type { SearchStateRow } from './searchState.js';

/** A conversation as cached: the hub's record plus what only this workstation tracks. */
export interface CachedConversation extends Conversation, InboxKeys {
  /** Customer messages not yet seen in this workstation. */
  unread: number;
  /** The customer's mood, computed locally from their recent messages (see ai/moodTracker). */
  mood?: Mood;
  /** The last escalation (who it went to, why, and the sender's summary), shown on the row and the header. */
  escalation?: { target: EscalationTarget; reason: string; summary?: string; byName?: string };
}

export interface Mood {
  flag: boolean;
  /** The words and signals that raised the flag. */
  why: string[];
  label: 'negative' | 'neutral' | 'positive';
  score: number;
}

/** The last hub event seq stored for an account; advanced in the same transaction as its events. */
export interface CursorRow {
  accountId: string;
  seq: number;
  updatedAt: number;
}

/**
 * A reply written before it leaves. The client id is the hub's idempotency key, so
 * replaying a row after a crash or a lost ack can never post the reply twice.
 */
export interface OutboxRow {
  clientId: string;
  accountId: string;
  conversationId: string;
  text: string;
  /**
   * A private note goes out as `note.add`, an escalation as `conversation.escalate` (its
   * reason in `text`); rows from before notes existed are replies.
   */
  kind?: 'reply' | 'note' | 'escalate';
  escalation?: { target: EscalationTarget; summary?: string };
  /** Images of a reply, kept here as bytes until the hub acknowledges the message (see OutboxImage). */
  images?: OutboxImage[];
  createdAt: number;
  /** `failed`: the hub refused it (not a network problem); waits for retry or discard. */
  state: 'queued' | 'failed';
  attempts: number;
  error: ErrorInfo | null;
}

/**
 * One pasted or picked image waiting in the outbox. IndexedDB keeps the bytes (an
 * ArrayBuffer, no new index, so no schema version); `id` is set once the hub has
 * them, so a replay after that only sends the message. Re-uploading would be harmless
 * too: the hub stores by content.
 */
export interface OutboxImage {
  name: string;
  mime: ImageMime;
  bytes: ArrayBuffer;
  id?: string;
}

export interface DraftRow {
  conversationId: string;
  text: string;
  updatedAt: number;
}

export const DB_NAME = 'workstation';

/**
 * One database class with typed tables (Dexie's own pattern). Every version stays
 * here forever, in order; a new version adds `.version(n).stores(...).upgrade(...)`.
 */
export class WorkstationDb extends Dexie {
  conversations!: EntityTable<CachedConversation, 'id'>;
  messages!: EntityTable<Message, 'id'>;
  cursors!: EntityTable<CursorRow, 'accountId'>;
  outbox!: EntityTable<OutboxRow, 'clientId'>;
  drafts!: EntityTable<DraftRow, 'conversationId'>;
  kb!: Table<KbArticle, [string, string]>;
  /** Full-text search: postings blocks of message terms, and customer terms (see search*.ts). */
  searchPostings!: Table<PostingBlock, [string, number, string]>;
  searchCustomers!: Table<CustomerTermRow, [string, string]>;
  /** Messages waiting for the background indexer, what each indexed chunk covered, its counters (see searchIndexer.ts). */
  searchBacklog!: Table<BacklogRow, number>;
  searchChunks!: Table<ChunkRow, number>;
  searchState!: Table<SearchStateRow, string>;
  /** What agents did with AI suggestions, mine (pending until synced) and the team's (see suggestionFeedback.ts). */
  suggestionFeedback!: EntityTable<SuggestionFeedbackRow, 'clientId'>;
  /** The queue dashboard's history (see queueSamples.ts). */
  queueSamples!: Table<QueueSampleRow, [string, string, string, number]>;
  /** The audit log leads and supervisors receive (see auditLog.ts). */
  auditLog!: Table<AuditRow, [string, string]>;

  /** `versions` is for migration tests only: they open a database as an older build did. */
  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1], versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name, options);
    for (const v of versions) {
      const step = this.version(v.version).stores(v.stores);
      if (v.upgrade) step.upgrade(v.upgrade);
    }
  }
}
