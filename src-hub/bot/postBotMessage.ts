import type { Message } from '../../src-shared/domain/message.js';
import type { HubContext } from '../context.js';
import { findConversation, saveConversation } from '../store/conversations.js';
import { insertMessage } from '../store/messages.js';
import type { BotDecision } from './decideReply.js';

export const BOT_AUTHOR_ID = 'bot';

/**
 * The bot's message, in its own journal record. The conversation's state is read
 * inside that record: a claim, takeover or hand-over that committed first wins and
 * the bot stays silent (returns false). A hand-over moves the conversation to the
 * queue (`open`, unassigned) in the same record as the message saying so.
 */
export function postBotMessage(
  ctx: HubContext,
  input: { accountId: string; conversationId: string; decision: BotDecision; botName: string },
): Promise<boolean> {
  const { accountId, conversationId, decision } = input;
  return ctx.journal.record(accountId, async ({ tx, at, append }) => {
    const current = await findConversation(tx, accountId, conversationId);
    if (!current || current.status !== 'bot' || current.assigneeId !== null) return false;
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
    // introduction, would tell an agent nothing), and `open` after a hand-over.
    const conversation = decision.kind === 'handover' ? { ...current, status: 'open' as const } : current;
    if (conversation !== current) await saveConversation(tx, conversation);
    await append('conversation.upsert', conversation);
    return true;
  });
}
