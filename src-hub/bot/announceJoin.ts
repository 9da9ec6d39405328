import { detectLanguage } from '../../src-shared/ai/index.js';
import type { Conversation } from '../../src-shared/domain/conversation.js';
import type { Message } from '../../src-shared/domain/message.js';
import type { HubContext } from '../context.js';
import type { JournalWriter } from '../events/journal.js';
import { insertMessage, listMessages } from '../store/messages.js';
import { botText } from './botTexts.js';

/**
 * Inside a claim or takeover's record: when the bot had this conversation, the
 * customer is told, in their language, that a person has joined. Conversations
 * the bot never touched change nothing.
 */
export async function announceJoin(ctx: HubContext, { tx, at, append }: JournalWriter, conversation: Conversation, person: { name: string }): Promise<void> {
  const messages = await listMessages(tx, conversation.accountId, conversation.id, { includePrivate: false });
  if (!messages.some((m) => m.author.kind === 'bot')) return;
  const lastCustomer = messages.findLast((m) => m.author.kind === 'customer');
  const message: Message = {
    id: ctx.newId('m'),
    conversationId: conversation.id,
    accountId: conversation.accountId,
    clientId: null,
    author: { kind: 'system', id: 'system', name: person.name },
    text: botText('joined', detectLanguage(lastCustomer?.text ?? ''), { name: person.name }),
    private: false,
    status: 'sent',
    createdAt: at,
  };
  await insertMessage(tx, message);
  await append('message.created', message);
}
