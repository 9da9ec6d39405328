import type { HubAccount } from '../../../src-shared/domain/account.js';
import type { Conversation, Customer } from '../../../src-shared/domain/conversation.js';
import type { Message } from '../../../src-shared/domain/message.js';
import type { HubContext } from '../../context.js';
import { previewOf } from '../../conversations/preview.js';
import { findConversation, saveConversation } from '../../store/conversations.js';
import { findCustomerByVisitor, upsertCustomer } from '../../store/customers.js';
import type { Queryable } from '../../store/database.js';
import { findThreadConversation, insertThreadEntry } from '../../store/emailThreads.js';
import { insertMessage } from '../../store/messages.js';
import type { InboundMail } from './parseMail.js';

/**
 * Email customers share the customers table with web-chat visitors, keyed by
 * `email:<address>`; the widget's visitor ids cannot contain ':' or '@', so a
 * browser can never open a mail customer's history.
 */
const customerKey = (address: string): string => `email:${address}`;

/**
 * One inbound mail for one account. A reply whose In-Reply-To / References name a
 * mail of a conversation continues it (reopening it if resolved); anything else
 * starts a conversation with the mail's subject. A Message-ID seen before is a
 * duplicate delivery and changes nothing.
 */
export function ingestMail(ctx: HubContext, account: HubAccount, mail: InboundMail & { mailId: string }): Promise<{ duplicate: boolean }> {
  return ctx.journal.record(account.id, async ({ tx, at, append }) => {
    if (await findThreadConversation(tx, account.id, [mail.mailId])) return { duplicate: true };
    const customer = await customerFor(ctx, tx, account.id, mail.from, at);
    const threadId = await findThreadConversation(tx, account.id, mail.parentIds);
    const thread = threadId ? await findConversation(tx, account.id, threadId) : null;
    const base: Conversation = thread
      ? { ...thread, status: thread.status === 'resolved' ? 'open' : thread.status }
      : {
          id: ctx.newId('c'),
          accountId: account.id,
          channel: account.channel,
          customer,
          status: 'open',
          assigneeId: null,
          assigneeName: null,
          subject: mail.subject,
          createdAt: at,
          lastActivityAt: at,
          lastMessagePreview: '',
        };
    const conversation: Conversation = { ...base, lastActivityAt: at, lastMessagePreview: previewOf(mail.text) };
    const message: Message = {
      id: ctx.newId('m'),
      conversationId: conversation.id,
      accountId: account.id,
      clientId: null,
      author: { kind: 'customer', id: customer.id, name: customer.name },
      text: mail.text,
      private: false,
      status: 'delivered',
      createdAt: at,
    };
    await saveConversation(tx, conversation);
    await insertMessage(tx, message);
    await insertThreadEntry(tx, {
      accountId: account.id,
      mailId: mail.mailId,
      conversationId: conversation.id,
      messageId: message.id,
      direction: 'in',
      delivery: null,
      createdAt: at,
    });
    await append('conversation.upsert', conversation);
    await append('message.created', message);
    return { duplicate: false };
  });
}

async function customerFor(ctx: HubContext, tx: Queryable, accountId: string, from: InboundMail['from'], now: number): Promise<Customer> {
  const key = customerKey(from.address);
  const known = await findCustomerByVisitor(tx, accountId, key);
  const name = (from.name ?? known?.name ?? from.address.split('@')[0]!).slice(0, 200);
  const saved = known && known.name === name ? known : await upsertCustomer(tx, { accountId, visitorId: key, id: known?.id ?? ctx.newId('cu'), name, now });
  return { ...saved, email: from.address };
}
