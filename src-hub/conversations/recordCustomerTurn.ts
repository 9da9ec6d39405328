import type { HubAccount } from '../../src-shared/domain/account.js';
import { DEFAULT_QUEUE, type Conversation, type Customer } from '../../src-shared/domain/conversation.js';
import type { Message } from '../../src-shared/domain/message.js';
import type { HubContext } from '../context.js';
import type { JournalWriter } from '../events/journal.js';
import { saveConversation } from '../store/conversations.js';
import { insertMessage } from '../store/messages.js';
import { withExplicitOwner, withOwner } from './ownership.js';
import { previewOf } from './preview.js';

/** A fresh, unassigned conversation for a customer on an account's channel, waiting in the first-line queue. */
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
  owner: 'queued',
  queue: DEFAULT_QUEUE,
  waitingSince: null,
});

/**
 * What every channel does with a customer's message, inside the caller's journal
 * record: the conversation moves on (activity, preview, waiting since the first
 * unanswered line; a resolved one reopens in its queue, unassigned; a pending
 * one is open again), the
 * message is stored, and agents get `conversation.upsert` then `message.created`.
 */
export async function recordCustomerTurn(
  ctx: HubContext,
  { tx, at, append }: JournalWriter,
  turn: { account: HubAccount; customer: Customer; conversation: Conversation; text: string },
): Promise<{ conversation: Conversation; message: Message }> {
  const { account, customer, text } = turn;
  const current =
    turn.conversation.status === 'resolved' ? withOwner(turn.conversation, { owner: 'queued' }) : withExplicitOwner(turn.conversation);
  const conversation: Conversation = {
    ...current,
    // The customer answered what a pending conversation waited for.
    status: current.status === 'pending' ? 'open' : current.status,
    lastActivityAt: at,
    lastMessagePreview: previewOf(text),
    waitingSince: current.waitingSince ?? at,
  };
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
