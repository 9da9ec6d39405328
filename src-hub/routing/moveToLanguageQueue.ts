import { ownershipOf, queueOf } from '../../src-shared/domain/conversation.js';
import type { HubContext } from '../context.js';
import { loadConversation } from '../conversations/loadConversation.js';
import { saveOwnerChange } from '../conversations/saveOwnerChange.js';

/**
 * A new conversation whose first line is in a language with its own queue moves
 * there from `from`, unless someone took it or moved it meanwhile. Returns
 * whether it moved.
 */
export function moveToLanguageQueue(ctx: HubContext, input: { accountId: string; conversationId: string; from: string; to: string }): Promise<boolean> {
  return ctx.journal.record(input.accountId, async (writer) => {
    const found = await loadConversation(writer.tx, input.accountId, input.conversationId);
    if (!found.ok) return false;
    const current = found.value;
    const owner = ownershipOf(current);
    if (current.status === 'resolved' || (owner !== 'bot' && owner !== 'queued') || queueOf(current) !== input.from) return false;
    await saveOwnerChange(writer, current, { ...current, queue: input.to });
    return true;
  });
}
