import type { Person } from '../../src-shared/domain/account.js';
import { ownershipOf } from '../../src-shared/domain/conversation.js';
import { err, ok, type Result } from '../../src-shared/result.js';
import { recordAudit } from '../audit/recordAudit.js';
import { announceJoin } from '../bot/announceJoin.js';
import type { HubContext } from '../context.js';
import { loadConversation } from './loadConversation.js';
import { holderOf, withOwner } from './ownership.js';
import { saveOwnerChange } from './saveOwnerChange.js';

/**
 * A supervisor takes a conversation from the bot, the queue or an agent. One
 * journal record: the bot reads the owner in its own record, so once this is
 * acknowledged it cannot post. Two supervisors racing: the journal runs records
 * one at a time, and the second finds the first's name.
 */
export function takeoverConversation(
  ctx: HubContext,
  input: { accountId: string; conversationId: string; by: Person },
): Promise<Result<Record<string, never>>> {
  const { by } = input;
  return ctx.journal.record(input.accountId, async (writer) => {
    const found = await loadConversation(writer.tx, input.accountId, input.conversationId);
    if (!found.ok) return found;
    const current = found.value;
    if (current.status === 'resolved') return err('conflict', 'the conversation is resolved: there is nothing to take over');
    if (ownershipOf(current) === 'supervisor') {
      return current.assigneeId === by.id ? ok({}) : err('conflict', `taken over by ${holderOf(current)}`);
    }
    const conversation = withOwner(current, { owner: 'supervisor', person: by });
    await writer.append('conversation.takeover', { conversationId: current.id, byId: by.id, byName: by.name });
    await saveOwnerChange(writer, current, conversation);
    await announceJoin(ctx, writer, conversation, by, { always: true });
    await recordAudit(ctx, writer, input.accountId, {
      action: 'takeover',
      actor: by,
      conversationId: current.id,
      detail: `from ${holderOf(current)}`,
    });
    return ok({});
  });
}
