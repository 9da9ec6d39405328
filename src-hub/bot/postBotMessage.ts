import { ownershipOf, type BotState, type Conversation } from '../../src-shared/domain/conversation.js';
import type { Message } from '../../src-shared/domain/message.js';
import type { HubContext } from '../context.js';
import { BOT_STATE_AT_START, withExplicitOwner, withOwner } from '../conversations/ownership.js';
import { findConversation, saveConversation } from '../store/conversations.js';
import { insertMessage } from '../store/messages.js';
import type { BotDecision } from './decideReply.js';

export const BOT_AUTHOR_ID = 'bot';

/**
 * The bot's message, in its own journal record. The conversation's owner is read
 * inside that record: a claim, takeover, assignment, escalation or hand-over that
 * committed first wins and the bot stays silent (returns false). A hand-over moves
 * the conversation to its queue (unassigned) in the same record as the message saying so.
 */
export function postBotMessage(
  ctx: HubContext,
  input: { accountId: string; conversationId: string; decision: BotDecision; botName: string },
): Promise<boolean> {
  const { accountId, conversationId, decision } = input;
  return ctx.journal.record(accountId, async ({ tx, at, append }) => {
    const current = await findConversation(tx, accountId, conversationId);
    if (!current || current.status === 'resolved' || ownershipOf(current) !== 'bot') return false;
    const message: Message = {
      id: ctx.newId('m'),
      conversationId,
      accountId,
      clientId: null,
      author: { kind: 'bot', id: BOT_AUTHOR_ID, name: input.botName },
      text: decision.text,
      private: false,
      status: 'sent',
      createdAt: at,
    };
    await insertMessage(tx, message);
    await append('message.created', message);
    // The conversation as it now stands, after the message: still the customer's
    // preview (a preview of the bot's lines, most starting with the same
    // introduction, would tell an agent nothing), and queued after a hand-over.
    const conversation = afterBotTurn(current, decision);
    await saveConversation(tx, conversation);
    await append('conversation.upsert', conversation);
    return true;
  });
}

/**
 * What the bot's turn changes: its own record (turns, confidence, why it handed
 * over), and who waits. An answer answers the customer; a hand-over does not (the
 * customer now waits for a person, and that wait started with their message).
 */
function afterBotTurn(current: Conversation, decision: BotDecision): Conversation {
  const before: BotState = current.bot ?? BOT_STATE_AT_START;
  if (decision.kind === 'answer') {
    const lastConfidence = Math.min(1, Math.max(0, decision.confidence));
    return { ...withExplicitOwner(current), waitingSince: null, bot: { ...before, turns: before.turns + 1, lastConfidence } };
  }
  return { ...withOwner(current, { owner: 'queued' }), bot: { ...before, turns: before.turns + 1, handoverReason: decision.reason } };
}
