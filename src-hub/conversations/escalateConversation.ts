import type { EscalationTarget } from '../../src-shared/hub/events.js';
import { ok, type Result } from '../../src-shared/result.js';
import type { HubContext } from '../context.js';
import { loadConversation } from './loadConversation.js';

/** Records the escalation for everyone on the account; routing to a queue comes later. */
export function escalateConversation(
  ctx: HubContext,
  input: { accountId: string; conversationId: string; target: EscalationTarget; reason: string; byId: string },
): Promise<Result<Record<string, never>>> {
  return ctx.journal.record(input.accountId, async ({ tx, append }) => {
    const found = await loadConversation(tx, input.accountId, input.conversationId);
    if (!found.ok) return found;
    await append('conversation.escalated', {
      conversationId: input.conversationId,
      target: input.target,
      reason: input.reason,
      byId: input.byId,
    });
    return ok({});
  });
}
