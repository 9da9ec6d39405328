import type { HubAccount } from '../../src-shared/domain/account.js';
import type { Conversation, Customer } from '../../src-shared/domain/conversation.js';
import type { Message } from '../../src-shared/domain/message.js';
import type { HubContext } from '../context.js';
import { findLatestConversationOf, saveConversation } from '../store/conversations.js';
import { findCustomerByVisitor, upsertCustomer } from '../store/customers.js';
import type { Queryable } from '../store/database.js';
import { insertMessage } from '../store/messages.js';
import { previewOf } from './preview.js';

export interface CustomerMessageInput {
  account: HubAccount;
  visitorId: string;
  visitorName: string | undefined;
  text: string;
}

/**
 * A customer wrote: continue their open conversation or start a new one, and
 * append `conversation.upsert` then `message.created` so agents see both.
 */
export function postCustomerMessage(ctx: HubContext, input: CustomerMessageInput): Promise<Message> {
  const { account } = input;
  return ctx.journal.record(account.id, async ({ tx, at, append }) => {
    const customer = await customerFor(ctx, tx, input, at);
    const latest = await findLatestConversationOf(tx, account.id, customer.id);
    const base: Conversation =
      latest && latest.status !== 'resolved'
        ? latest
        : {
            id: ctx.newId('c'),
            accountId: account.id,
            channel: account.channel,
            customer,
            status: 'open',
            assigneeId: null,
            assigneeName: null,
            subject: null,
            createdAt: at,
            lastActivityAt: at,
            lastMessagePreview: '',
          };
    const conversation: Conversation = { ...base, customer, lastActivityAt: at, lastMessagePreview: previewOf(input.text) };
    const message: Message = {
      id: ctx.newId('m'),
      conversationId: conversation.id,
      accountId: account.id,
      clientId: null,
      author: { kind: 'customer', id: customer.id, name: customer.name },
      text: input.text,
      private: false,
      status: 'delivered',
      createdAt: at,
    };
    await saveConversation(tx, conversation);
    await insertMessage(tx, message);
    await append('conversation.upsert', conversation);
    await append('message.created', message);
    return message;
  });
}

async function customerFor(ctx: HubContext, tx: Queryable, input: CustomerMessageInput, now: number): Promise<Customer> {
  const known = await findCustomerByVisitor(tx, input.account.id, input.visitorId);
  if (known && (input.visitorName === undefined || input.visitorName === known.name)) return known;
  // Visitors are anonymous until they give a name: "访客 1a2b" is how agents tell them apart.
  const name = input.visitorName ?? known?.name ?? `访客 ${input.visitorId.slice(-4)}`;
  return upsertCustomer(tx, { accountId: input.account.id, visitorId: input.visitorId, id: known?.id ?? ctx.newId('cu'), name, now });
}
