import type { Person } from '../../src-shared/domain/account.js';
import { ownershipOf, type Conversation } from '../../src-shared/domain/conversation.js';
import { err, ok, type Result } from '../../src-shared/result.js';
import type { HubContext } from '../context.js';
import { saveConversation } from '../store/conversations.js';
import { loadConversation } from './loadConversation.js';
import { heldByPerson, holderOf, mayMoveOn, withExplicitOwner, withOwner } from './ownership.js';

export interface ConversationRef {
  accountId: string;
  conversationId: string;
}

export interface StatusInput extends ConversationRef {
  by: Person;
}

type Decision = Result<Conversation | null>;

/**
 * Loads, decides and, when the decision changes something, saves the conversation
 * and tells agents in the same journal record. `null` means "already so": nothing
 * is appended, so a replayed command changes nothing.
 */
function changeStatus(ctx: HubContext, input: ConversationRef, decide: (current: Conversation) => Decision): Promise<Result<Record<string, never>>> {
  return ctx.journal.record(input.accountId, async ({ tx, append }) => {
    const found = await loadConversation(tx, input.accountId, input.conversationId);
    if (!found.ok) return found;
    const decided = decide(withExplicitOwner(found.value));
    if (!decided.ok) return decided;
    if (decided.value === null) return ok({});
    await saveConversation(tx, decided.value);
    await append('conversation.upsert', decided.value);
    return ok({});
  });
}

/**
 * The owner stays (who resolved it is who a reopening customer's history shows);
 * nobody waits any more. Resolving twice is not an error: the second call changes
 * nothing and appends nothing.
 */
export const resolveConversation = (ctx: HubContext, input: ConversationRef) =>
  changeStatus(ctx, input, (current): Decision => (current.status === 'resolved' ? ok(null) : ok({ ...current, status: 'resolved', waitingSince: null })));

/**
 * Resolved or pending → open. Its last holder reopening it keeps it; anyone else
 * reopening it finds it in its queue (whoever held it had finished with it), and
 * the bot never gets a conversation back this way.
 */
export const reopenConversation = (ctx: HubContext, input: StatusInput) =>
  changeStatus(ctx, input, (current): Decision => {
    if (current.status === 'open' || current.status === 'bot') return ok(null);
    if (current.status === 'pending') {
      if (!mayMoveOn(input.by, current)) return err('forbidden', `it is with ${holderOf(current)}`);
      return ok({ ...current, status: 'open' });
    }
    const keeps = heldByPerson(ownershipOf(current)) && current.assigneeId === input.by.id;
    return ok({ ...(keeps ? { ...current, status: 'open' as const } : withOwner(current, { owner: 'queued' })), waitingSince: null });
  });

/**
 * Open → pending: the ball is in the customer's court, so nobody is waiting and
 * the response clocks stop; the customer's next message opens it again. The bot's
 * conversations and resolved ones cannot wait this way.
 */
export const markPending = (ctx: HubContext, input: StatusInput) =>
  changeStatus(ctx, input, (current): Decision => {
    if (current.status === 'pending') return ok(null);
    if (current.status === 'resolved') return err('conflict', 'the conversation is resolved');
    if (current.status === 'bot') return err('conflict', 'the bot has the conversation: claim or take it over first');
    if (!mayMoveOn(input.by, current)) return err('forbidden', `it is with ${holderOf(current)}`);
    return ok({ ...current, status: 'pending', waitingSince: null });
  });
