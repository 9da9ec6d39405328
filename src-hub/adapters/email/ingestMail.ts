import type { HubAccount } from '../../../src-shared/domain/account.js';
import type { Attachment } from '../../../src-shared/domain/attachment.js';
import type { Customer } from '../../../src-shared/domain/conversation.js';
import { toAttachment } from '../../attachments/resolveAttachments.js';
import { storeImage } from '../../attachments/storeImage.js';
import type { HubContext } from '../../context.js';
import { newConversation, recordCustomerTurn } from '../../conversations/recordCustomerTurn.js';
import { findConversation } from '../../store/conversations.js';
import { findCustomerByVisitor, upsertCustomer } from '../../store/customers.js';
import type { Queryable } from '../../store/database.js';
import { findThreadConversation, insertThreadEntry } from '../../store/emailThreads.js';
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
  return ctx.journal.record(account.id, async (writer) => {
    const { tx, at } = writer;
    if (await findThreadConversation(tx, account.id, [mail.mailId])) return { duplicate: true };
    const customer = await customerFor(ctx, tx, account.id, mail.from, at);
    const threadId = await findThreadConversation(tx, account.id, mail.parentIds);
    const thread = threadId ? await findConversation(tx, account.id, threadId) : null;
    // A reply into a resolved thread reopens it in its queue (recordCustomerTurn does that for every channel).
    const conversation = thread ?? newConversation(ctx, account, customer, at, mail.subject);
    const attachments = await storeMailImages(tx, account.id, mail, at);
    const { message } = await recordCustomerTurn(ctx, writer, { account, customer, conversation, text: mail.text, attachments });
    await insertThreadEntry(tx, {
      accountId: account.id,
      mailId: mail.mailId,
      conversationId: message.conversationId,
      messageId: message.id,
      direction: 'in',
      delivery: null,
      createdAt: at,
    });
    return { duplicate: false };
  });
}

/** The mail's images that are what they claim (others stay a line of text only), stored in the same transaction. */
async function storeMailImages(tx: Queryable, accountId: string, mail: InboundMail, at: number): Promise<Attachment[]> {
  const attachments: Attachment[] = [];
  for (const image of mail.images) {
    const stored = await storeImage(tx, accountId, { bytes: image.bytes, claimedMime: image.claimedMime, at });
    // The same image twice in one mail is one attachment.
    if (stored.ok && !attachments.some((a) => a.id === stored.value.id)) attachments.push(toAttachment(stored.value, image.name));
  }
  return attachments;
}

async function customerFor(ctx: HubContext, tx: Queryable, accountId: string, from: InboundMail['from'], now: number): Promise<Customer> {
  const key = customerKey(from.address);
  const known = await findCustomerByVisitor(tx, accountId, key);
  const name = (from.name ?? known?.name ?? from.address.split('@')[0]!).slice(0, 200);
  const saved = known && known.name === name ? known : await upsertCustomer(tx, { accountId, visitorId: key, id: known?.id ?? ctx.newId('cu'), name, now });
  return { ...saved, email: from.address };
}
