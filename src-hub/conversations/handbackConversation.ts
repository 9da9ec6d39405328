import type { HubAccount, Person } from '../../src-shared/domain/account.js';
import { ownershipOf, queueOf } from '../../src-shared/domain/conversation.js';
import { err, ok, type Result } from '../../src-shared/result.js';
import { recordAudit } from '../audit/recordAudit.js';
import { botText } from '../bot/botTexts.js';
import { postCustomerNotice } from '../bot/customerNotice.js';
import { BOT_AUTHOR_ID } from '../bot/postBotMessage.js';
import type { HubContext } from '../context.js';
import { loadConversation } from './loadConversation.js';
import { BOT_STATE_AT_START, heldByPerson, holderOf, withOwner } from './ownership.js';
import { saveOwnerChange } from './saveOwnerChange.js';

export interface HandbackInput {
  account: HubAccount;
  conversationId: string;
  to: 'bot' | 'queued';
  by: Person;
}

/**
 * The owner (or a lead or supervisor) gives the conversation back: to the bot,
 * where the bot serves the account, or to its queue, unassigned. Handing back to
 * where it already is changes nothing. Back with the bot, the customer is told so.
 */
export function handbackConversation(ctx: HubContext, input: HandbackInput): Promise<Result<Record<string, never>>> {
  const { account, by, to } = input;
  return ctx.journal.record(account.id, async (writer) => {
    const found = await loadConversation(writer.tx, account.id, input.conversationId);
    if (!found.ok) return found;
    const current = found.value;
    const owner = ownershipOf(current);
    if (current.status === 'resolved') return err('conflict', 'the conversation is resolved');
    const ownsIt = heldByPerson(owner) && current.assigneeId === by.id;
    if (!ownsIt && by.role === 'agent') {
      return err('forbidden', `only its owner, a lead or a supervisor may hand it back (it is with ${holderOf(current)})`);
    }
    const bot = ctx.bot;
    if (to === 'bot' && !bot?.serves(account)) {
      return err('conflict', 'the bot does not serve this account: it answers web chat only, with the bot on and a knowledge base');
    }
    if (owner === to) return ok({});

    const moved = withOwner(current, { owner: to });
    // A fresh start for the bot: its earlier hand-over no longer describes the conversation.
    const conversation = to === 'bot' ? { ...moved, bot: { ...(current.bot ?? BOT_STATE_AT_START), handoverReason: null } } : moved;
    await writer.append('conversation.handback', { conversationId: current.id, to, byId: by.id, assigneeId: null, queue: queueOf(conversation) });
    await saveOwnerChange(writer, current, conversation);
    if (to === 'bot' && bot) {
      await postCustomerNotice(ctx, writer, conversation, {
        author: { kind: 'bot', id: BOT_AUTHOR_ID, name: bot.name },
        text: (language) => botText('backToBot', language),
      });
    }
    await recordAudit(ctx, writer, account.id, {
      action: 'handback',
      actor: by,
      conversationId: current.id,
      detail: `from ${holderOf(current)} to ${to === 'bot' ? 'the bot' : `queue ${queueOf(conversation)}`}`,
    });
    return ok({});
  });
}
