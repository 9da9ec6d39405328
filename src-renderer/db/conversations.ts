import { Dexie } from 'dexie';
import type { WorkstationDb } from './schema.js';

const ofConversation = (db: WorkstationDb, conversationId: string, from: number = Dexie.minKey as number) =>
  db.messages.where('[conversationId+createdAt]').between([conversationId, from], [conversationId, Dexie.maxKey], false, true);

/** The newest `limit` messages of a conversation, oldest first (the compound index serves it without a scan). */
export async function latestMessages(db: WorkstationDb, conversationId: string, limit: number) {
  return (await ofConversation(db, conversationId).reverse().limit(limit).toArray()).reverse();
}

/** Messages created after `since` (hub clock), oldest first. */
export const messagesAfter = (db: WorkstationDb, conversationId: string, since: number) =>
  ofConversation(db, conversationId, since).filter((m) => m.createdAt > since).toArray();

export const markRead = (db: WorkstationDb, conversationId: string) =>
  db.conversations.update(conversationId, { unread: 0 });
