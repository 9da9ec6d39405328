import type { Person } from '../../src-shared/domain/account.js';
import { ownershipOf } from '../../src-shared/domain/conversation.js';
import { err, ok, type Result } from '../../src-shared/result.js';
import { recordAudit } from '../audit/recordAudit.js';
import { announceJoin } from '../bot/announceJoin.js';
import type { HubContext } from '../context.js';
import { loadConversation } from './loadConversation.js';
import { heldByPerson, holderOf, withOwner } from './ownership.js';
import { saveOwnerChange } from './saveOwnerChange.js';
import { takeoverConversation } from './takeoverConversation.js';

export interface AssignInput {
  accountId: string;
  conversationId: string;
  /** Who takes it: the caller of a claim, or the agent routing picked. */
  to: Person;
  /** true: a supervisor's takeover (see takeoverConversation). */
  takeover?: boolean;
}

/**
 * Claim (and routing's auto-assignment): the conversation becomes `to`'s, owner
 * `human`, and the bot is silent from this record on. An agent may take only
 * what nobody holds; a lead or supervisor may take it from an agent (audited as
 * a reassignment); nobody claims what a supervisor took over. Claiming what you
 * already hold changes nothing.
 */
export function assignConversation(ctx: HubContext, input: AssignInput): Promise<Result<Record<string, never>>> {
  const { to } = input;
  if (input.takeover) return takeoverConversation(ctx, { accountId: input.accountId, conversationId: input.conversationId, by: to });
  return ctx.journal.record(input.accountId, async (writer) => {
    const found = await loadConversation(writer.tx, input.accountId, input.conversationId);
    if (!found.ok) return found;
    const current = found.value;
    const owner = ownershipOf(current);
    if (current.status === 'resolved') return err('conflict', 'the conversation is resolved');
    if (heldByPerson(owner) && current.assigneeId === to.id) return ok({});
    if (owner === 'supervisor') return err('conflict', `taken over by ${holderOf(current)}`);
    if (current.assigneeId !== null && to.role === 'agent') return err('conflict', `the conversation is assigned to ${holderOf(current)}`);

    const conversation = withOwner(current, { owner: 'human', person: to });
    await saveOwnerChange(writer, current, conversation);
    // The bot had it: the customer learns a person is here (the bot is silent from now on).
    await announceJoin(ctx, writer, conversation, to);
    if (current.assigneeId !== null) {
      await recordAudit(ctx, writer, input.accountId, {
        action: 'reassign',
        actor: to,
        conversationId: current.id,
        detail: `from ${holderOf(current)} to ${to.name}`,
      });
    }
    return ok({});
  });
}
