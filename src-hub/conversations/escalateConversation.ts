import type { Person } from '../../src-shared/domain/account.js';
import { ownershipOf, type Conversation } from '../../src-shared/domain/conversation.js';
import type { EscalationTarget } from '../../src-shared/hub/events.js';
import { err, ok, type Result } from '../../src-shared/result.js';
import { recordAudit } from '../audit/recordAudit.js';
import { DEFAULT_BOT_NAME } from '../bot/botOptions.js';
import { botText } from '../bot/botTexts.js';
import { customerSeesNotices, postCustomerNotice } from '../bot/customerNotice.js';
import { handoverText } from '../bot/decideReply.js';
import { BOT_AUTHOR_ID } from '../bot/postBotMessage.js';
import type { HubContext } from '../context.js';
import type { JournalWriter } from '../events/journal.js';
import { findEscalation, insertEscalation } from '../store/escalations.js';
import { NOTICE_OF_TARGET, QUEUE_OF_TARGET } from './escalationQueues.js';
import { loadConversation } from './loadConversation.js';
import { BOT_STATE_AT_START, holderOf, mayMoveOn, withOwner } from './ownership.js';
import { saveOwnerChange } from './saveOwnerChange.js';

export interface EscalateInput {
  accountId: string;
  conversationId: string;
  target: EscalationTarget;
  reason: string;
  /** The workstation's id for this escalation: a replay (queued offline) lands once. */
  clientId?: string;
  summary?: string;
  by: Person;
}

/**
 * The conversation goes to the target's queue, unassigned (it leaves the
 * escalating agent's list, and the bot's hands), the customer is told, and the
 * receiver reads the reason and summary on `conversation.escalated`. One record:
 * the bot cannot answer after it.
 */
export async function escalateConversation(
  ctx: HubContext,
  input: EscalateInput,
): Promise<Result<{ queue: string; duplicate?: boolean; servedBy?: number }>> {
  const landed = await recordEscalation(ctx, input);
  // Said back so the escalating agent knows when the target queue has nobody online.
  if (!landed.ok || !ctx.routing) return landed;
  return { ok: true, value: { ...landed.value, servedBy: ctx.routing.servingNow(input.accountId, landed.value.queue) } };
}

function recordEscalation(ctx: HubContext, input: EscalateInput): Promise<Result<{ queue: string; duplicate?: boolean }>> {
  return ctx.journal.record(input.accountId, async (writer) => {
    if (input.clientId !== undefined) {
      const seen = await findEscalation(writer.tx, input.accountId, input.clientId);
      if (seen && seen.conversationId !== input.conversationId) {
        return err('conflict', `clientId ${input.clientId} was already used for another escalation`);
      }
      if (seen) return ok({ queue: seen.queue, duplicate: true });
    }
    const found = await loadConversation(writer.tx, input.accountId, input.conversationId);
    if (!found.ok) return found;
    const current = found.value;
    if (current.status === 'resolved') return err('conflict', 'the conversation is resolved');
    if (!mayMoveOn(input.by, current)) {
      return err('forbidden', `the conversation is with ${holderOf(current)}: only they, a lead or a supervisor may escalate it`);
    }
    const queue = QUEUE_OF_TARGET[input.target];
    const fromBot = ownershipOf(current) === 'bot';
    const queued = withOwner(current, { owner: 'queued', queue });
    const conversation = fromBot ? { ...queued, bot: { ...(current.bot ?? BOT_STATE_AT_START), handoverReason: 'escalated' } } : queued;

    await writer.append('conversation.escalated', {
      conversationId: current.id,
      target: input.target,
      reason: input.reason,
      byId: input.by.id,
      queue,
      byName: input.by.name,
      ...(input.summary !== undefined ? { summary: input.summary } : {}),
    });
    await saveOwnerChange(writer, current, conversation);
    await tellCustomer(ctx, writer, conversation, input.target, fromBot);
    if (input.clientId !== undefined) {
      await insertEscalation(writer.tx, {
        accountId: input.accountId,
        clientId: input.clientId,
        conversationId: current.id,
        target: input.target,
        queue,
        byId: input.by.id,
        createdAt: writer.at,
      });
    }
    await recordAudit(ctx, writer, input.accountId, {
      action: 'escalate',
      actor: input.by,
      conversationId: current.id,
      detail: `to ${input.target} (queue ${queue}): ${input.reason}`,
    });
    return ok({ queue });
  });
}

/** From the bot, the bot says it hands over (as when it decides to itself); otherwise the hub says where the customer goes. */
async function tellCustomer(
  ctx: HubContext,
  writer: JournalWriter,
  conversation: Conversation,
  target: EscalationTarget,
  fromBot: boolean,
): Promise<void> {
  if (!customerSeesNotices(conversation)) return;
  if (fromBot && target === 'human') {
    return postCustomerNotice(ctx, writer, conversation, {
      author: { kind: 'bot', id: BOT_AUTHOR_ID, name: ctx.bot?.name ?? DEFAULT_BOT_NAME },
      text: (language, history) => handoverText('escalated', language, !history.some((m) => m.author.kind === 'bot')),
    });
  }
  return postCustomerNotice(ctx, writer, conversation, {
    author: { kind: 'system', id: 'system', name: 'system' },
    text: (language) => botText(NOTICE_OF_TARGET[target], language),
  });
}
