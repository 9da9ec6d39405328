import type { Person } from '../../src-shared/domain/account.js';
import { err, ok, type Result } from '../../src-shared/result.js';
import { announceJoin } from '../bot/announceJoin.js';
import type { HubContext } from '../context.js';
import { saveConversation } from '../store/conversations.js';
import { loadConversation } from './loadConversation.js';

export interface AssignInput {
  accountId: string;
  conversationId: string;
  to: Person;
  /** Takeover: a supervisor takes the conversation from the bot or another agent, and says so. */
  takeover: boolean;
}

/**
 * Claim and takeover. An agent may claim only what nobody else holds; a lead or
 * supervisor may reassign. Claiming what you already hold changes nothing.
 */
export function assignConversation(ctx: HubContext, input: AssignInput): Promise<Result<Record<string, never>>> {
  const { to } = input;
  return ctx.journal.record(input.accountId, async (writer) => {
    const { tx, append } = writer;
    const found = await loadConversation(tx, input.accountId, input.conversationId);
    if (!found.ok) return found;
    const current = found.value;
    if (current.status === 'resolved') return err('conflict', 'the conversation is resolved');
    if (!input.takeover && current.assigneeId !== null && current.assigneeId !== to.id && to.role === 'agent') {
      return err('conflict', `the conversation is assigned to ${current.assigneeName ?? current.assigneeId}`);
    }
    if (current.assigneeId === to.id && current.status === 'open' && !input.takeover) return ok({});

    const conversation = { ...current, status: 'open' as const, assigneeId: to.id, assigneeName: to.name };
    await saveConversation(tx, conversation);
    if (input.takeover) await append('conversation.takeover', { conversationId: current.id, byId: to.id, byName: to.name });
    await append('conversation.assigned', { conversationId: current.id, assigneeId: to.id, assigneeName: to.name });
    await append('conversation.upsert', conversation);
    // The bot had it: the customer learns a person is here (the bot is silent from now on).
    if (current.assigneeId !== to.id) await announceJoin(ctx, writer, conversation, to);
    return ok({});
  });
}
