import type { Conversation } from '../../src-shared/domain/conversation.js';
import { err, ok, type Result } from '../../src-shared/result.js';
import { findConversation } from '../store/conversations.js';
import type { Queryable } from '../store/database.js';

export async function loadConversation(db: Queryable, accountId: string, conversationId: string): Promise<Result<Conversation>> {
  const conversation = await findConversation(db, accountId, conversationId);
  return conversation ? ok(conversation) : err('not-found', `no conversation ${conversationId}`);
}
