import type { Conversation } from '../../src-shared/domain/conversation.js';
import type { JournalWriter } from '../events/journal.js';
import { saveConversation } from '../store/conversations.js';

/**
 * What every change of owner ends with, after the caller's own event (takeover,
 * hand-back, escalation): the projection saved, `conversation.assigned` when the
 * assignee changed, and the conversation as it now stands.
 */
export async function saveOwnerChange({ tx, append }: JournalWriter, before: Conversation, after: Conversation): Promise<void> {
  await saveConversation(tx, after);
  if (after.assigneeId !== before.assigneeId) {
    await append('conversation.assigned', { conversationId: after.id, assigneeId: after.assigneeId, assigneeName: after.assigneeName });
  }
  await append('conversation.upsert', after);
}
