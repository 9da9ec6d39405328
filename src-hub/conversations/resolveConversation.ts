import { ok, type Result } from '../../src-shared/result.js';
import type { HubContext } from '../context.js';
import { saveConversation } from '../store/conversations.js';
import { loadConversation } from './loadConversation.js';

/** Resolving twice is not an error: the second call changes nothing and appends nothing. */
export function resolveConversation(
  ctx: HubContext,
  input: { accountId: string; conversationId: string },
): Promise<Result<Record<string, never>>> {
  return ctx.journal.record(input.accountId, async ({ tx, append }) => {
    const found = await loadConversation(tx, input.accountId, input.conversationId);
    if (!found.ok) return found;
    if (found.value.status === 'resolved') return ok({});
    const conversation = { ...found.value, status: 'resolved' as const };
    await saveConversation(tx, conversation);
    await append('conversation.upsert', conversation);
    return ok({});
  });
}
