import type { Conversation } from '../../src-shared/index.js';
import { inboxKeys } from './inboxKeys.js';
import type { WorkstationDb } from './schema.js';
import { conversation, message } from './testing.js';

/** Caches a conversation with `messages` messages, as ingest would (eviction tests). */
export async function seedConversation(db: WorkstationDb, over: Partial<Conversation> & { id: string }, messages: number): Promise<void> {
  const c = conversation(over);
  await db.conversations.put({ ...c, ...inboxKeys(c), unread: 0 });
  await db.messages.bulkPut(Array.from({ length: messages }, (_, i) => message({ id: `${c.id}-m${i}`, conversationId: c.id, createdAt: c.createdAt + i })));
}

export const queuedReply = (conversationId: string) => ({
  clientId: `r-${conversationId}`,
  accountId: 'shop-a',
  conversationId,
  text: '稍等',
  createdAt: 5,
  state: 'queued' as const,
  attempts: 0,
  error: null,
});
