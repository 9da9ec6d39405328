import { Dexie, type EntityTable } from 'dexie';
import type { Conversation, Message } from '../../src-shared/index.js';

/** A conversation as cached: the hub's record plus what only this workstation tracks. */
export interface CachedConversation extends Conversation {
  /** Customer messages not yet seen in this workstation. */
  unread: number;
}

/** The last hub event seq stored for an account; advanced in the same transaction as its events. */
export interface CursorRow {
  accountId: string;
  seq: number;
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

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      conversations: 'id, accountId, lastActivityAt, [accountId+status+lastActivityAt], assigneeId',
      messages: 'id, [conversationId+createdAt], clientId',
      cursors: 'accountId',
    });
  }
}
