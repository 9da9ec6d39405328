import type { WorkstationDb } from './schema.js';

/** Messages of one conversation, oldest first (the compound index serves it without a scan). */
export const messagesOf = (db: WorkstationDb, conversationId: string) =>
  db.messages.where('[conversationId+createdAt]').between([conversationId, 0], [conversationId, Infinity]).toArray();

export const markRead = (db: WorkstationDb, conversationId: string) =>
  db.conversations.update(conversationId, { unread: 0 });
