import { ok, type Result } from '../../src-shared/result.js';
import type { HubContext } from '../context.js';
import { saveConversation } from '../store/conversations.js';
import { loadConversation } from './loadConversation.js';
import { withExplicitOwner } from './ownership.js';

/**
 * The owner stays (who resolved it is who a reopening customer's history shows);
 * nobody waits any more. Resolving twice is not an error: the second call changes
 * nothing and appends nothing.
 */
export function resolveConversation(
  ctx: HubContext,
  input: { accountId: string; conversationId: string },
): Promise<Result<Record<string, never>>> {
  return ctx.journal.record(input.accountId, async ({ tx, append }) => {
    const found = await loadConversation(tx, input.accountId, input.conversationId);
    if (!found.ok) return found;
    if (found.value.status === 'resolved') return ok({});
    const conversation = { ...withExplicitOwner(found.value), status: 'resolved' as const, waitingSince: null };
    await saveConversation(tx, conversation);
    await append('conversation.upsert', conversation);
    return ok({});
  });
}
