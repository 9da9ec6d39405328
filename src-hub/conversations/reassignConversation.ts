import type { Person } from '../../src-shared/domain/account.js';
import { ownershipOf, queueOf } from '../../src-shared/domain/conversation.js';
import { err, ok, type Result } from '../../src-shared/result.js';
import { recordAudit } from '../audit/recordAudit.js';
import { announceJoin } from '../bot/announceJoin.js';
import type { HubContext } from '../context.js';
import { findPerson } from '../store/people.js';
import { loadConversation } from './loadConversation.js';
import { heldByPerson, holderOf, withOwner } from './ownership.js';
import { saveOwnerChange } from './saveOwnerChange.js';

export interface ReassignInput {
  accountId: string;
  conversationId: string;
  /** A person of the account (known from their tokens), or null: back to a queue, unassigned. */
  assigneeId: string | null;
  /** The queue it moves to; its current queue when not given. */
  queue?: string;
  by: Person;
}

/** A lead or supervisor moves a conversation to a named person or back to a queue; audited as `reassign`. */
export function reassignConversation(ctx: HubContext, input: ReassignInput): Promise<Result<Record<string, never>>> {
  return ctx.journal.record(input.accountId, async (writer) => {
    const person = input.assigneeId === null ? null : await findPerson(writer.tx, input.accountId, input.assigneeId);
    if (input.assigneeId !== null && !person) return err('not-found', `no person ${input.assigneeId} on this account`);
    const found = await loadConversation(writer.tx, input.accountId, input.conversationId);
    if (!found.ok) return found;
    const current = found.value;
    if (current.status === 'resolved') return err('conflict', 'the conversation is resolved');
    const queue = input.queue ?? queueOf(current);
    const owner = ownershipOf(current);
    const unchanged = person
      ? heldByPerson(owner) && current.assigneeId === person.id && queue === queueOf(current)
      : owner === 'queued' && queue === queueOf(current);
    if (unchanged) return ok({});

    const conversation = person ? withOwner(current, { owner: 'human', person, queue }) : withOwner(current, { owner: 'queued', queue });
    if (!person) {
      await writer.append('conversation.handback', { conversationId: current.id, to: 'queued', byId: input.by.id, assigneeId: null, queue });
    }
    await saveOwnerChange(writer, current, conversation);
    if (person && person.id !== current.assigneeId) await announceJoin(ctx, writer, conversation, person);
    await recordAudit(ctx, writer, input.accountId, {
      action: 'reassign',
      actor: input.by,
      conversationId: current.id,
      detail: `from ${holderOf(current)} to ${holderOf(conversation)}`,
    });
    return ok({});
  });
}
