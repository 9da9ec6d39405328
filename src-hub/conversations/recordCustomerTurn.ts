import type { HubAccount } from '../../src-shared/domain/account.js';
import type { Conversation, Customer } from '../../src-shared/domain/conversation.js';
import type { Message } from '../../src-shared/domain/message.js';
import type { HubContext } from '../context.js';
import type { JournalWriter } from '../events/journal.js';
import { saveConversation } from '../store/conversations.js';
import { insertMessage } from '../store/messages.js';
import { previewOf } from './preview.js';

/** A fresh, unassigned conversation for a customer on an account's channel. */
export const newConversation = (ctx: HubContext, account: HubAccount, customer: Customer, at: number, subject: string | null): Conversation => ({
  id: ctx.newId('c'),
  accountId: account.id,
  channel: account.channel,
  customer,
  status: 'open',
  assigneeId: null,
  assigneeName: null,
  subject,
  createdAt: at,
  lastActivityAt: at,
  lastMessagePreview: '',
});

/**
 * What every channel does with a customer's message, inside the caller's journal
 * record: the conversation moves on (activity, preview), the
 * message is stored, and agents get `conversation.upsert` then `message.created`.
 */
export async function recordCustomerTurn(
  ctx: HubContext,
  { tx, at, append }: JournalWriter,
  turn: { account: HubAccount; customer: Customer; conversation: Conversation; text: string },
): Promise<{ conversation: Conversation; message: Message }> {
  const { account, customer, text } = turn;
  const conversation: Conversation = { ...turn.conversation, lastActivityAt: at, lastMessagePreview: previewOf(text) };
  const message: Message = {
    id: ctx.newId('m'),
    conversationId: conversation.id,
    accountId: account.id,
    clientId: null,
    author: { kind: 'customer', id: customer.id, name: customer.name },
    text,
    private: false,
    status: 'delivered',
    createdAt: at,
  };
  await saveConversation(tx, conversation);
  await insertMessage(tx, message);
  await append('conversation.upsert', conversation);
  await append('message.created', message);
  return { conversation, message };
}
