import { detectLanguage, type Language } from '../../src-shared/ai/index.js';
import type { Conversation } from '../../src-shared/domain/conversation.js';
import type { Message } from '../../src-shared/domain/message.js';
import type { HubContext } from '../context.js';
import type { JournalWriter } from '../events/journal.js';
import { insertMessage, listMessages } from '../store/messages.js';

/** Only the web-chat widget shows the hub's own lines; email and platform callbacks carry agents' and the bot's words only. */
export const customerSeesNotices = (conversation: Conversation): boolean => conversation.channel === 'webchat';

/**
 * A line the hub says to the customer, in the language of their last message,
 * inside the caller's journal record (so it lands with the change it announces).
 * `author` is the system (a person joined, an escalation) or the bot (it hands over).
 */
export async function postCustomerNotice(
  ctx: HubContext,
  { tx, at, append }: JournalWriter,
  conversation: Conversation,
  notice: { author: Message['author']; text: (language: Language, history: readonly Message[]) => string },
): Promise<void> {
  const history = await listMessages(tx, conversation.accountId, conversation.id, { includePrivate: false });
  const lastCustomer = history.findLast((m) => m.author.kind === 'customer');
  const message: Message = {
    id: ctx.newId('m'),
    conversationId: conversation.id,
    accountId: conversation.accountId,
    clientId: null,
    author: notice.author,
    text: notice.text(detectLanguage(lastCustomer?.text ?? ''), history),
    private: false,
    status: 'sent',
    createdAt: at,
  };
  await insertMessage(tx, message);
  await append('message.created', message);
}
