import type { Message } from '../../src-shared/index.js';
import type { WorkstationDb } from './schema.js';

/** Messages of one conversation, oldest first (the compound index serves it without a scan). */
export const messagesOf = (db: WorkstationDb, conversationId: string) =>
  db.messages.where('[conversationId+createdAt]').between([conversationId, 0], [conversationId, Infinity]).toArray();

export const markRead = (db: WorkstationDb, conversationId: string) =>
  db.conversations.update(conversationId, { unread: 0 });

/**
 * Stores a message the hub acknowledged, before its `message.created` event arrives,
 * so the agent sees the reply at once. The event is then a no-op (same id).
 */
export const storeAcknowledged = (db: WorkstationDb, message: Message) => db.messages.put(message);
