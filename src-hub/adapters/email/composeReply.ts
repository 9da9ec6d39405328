import type { Message } from '../../../src-shared/domain/message.js';
import { err, ok, type Result } from '../../../src-shared/result.js';
import { findAccount } from '../../store/accounts.js';
import { findConversation } from '../../store/conversations.js';
import type { Queryable } from '../../store/database.js';
import { readAttachmentBytes } from '../../store/attachments.js';
import { listThread } from '../../store/emailThreads.js';
import { addressOf, type EmailOptions } from './emailOptions.js';
import type { OutboundMail } from './mailSender.js';

/** At most this many ids in References: the first and the newest (RFC 5322 lets the middle go). */
const MAX_REFERENCES = 20;

const trimReferences = (ids: string[]): string[] =>
  ids.length <= MAX_REFERENCES ? ids : [ids[0]!, ...ids.slice(-(MAX_REFERENCES - 1))];

export const replySubject = (subject: string | null): string =>
  !subject ? 'Re:' : /^(re|回复|答复)\s*[:：]/i.test(subject) ? subject : `Re: ${subject}`;

/**
 * The mail that carries an agent's reply, or null when the message's
 * conversation is not an email one. The Message-ID derives from the hub
 * message id, so composing twice (a resumed delivery) gives the same mail.
 */
export async function composeReply(db: Queryable, options: EmailOptions, message: Message): Promise<Result<OutboundMail> | null> {
  const conversation = await findConversation(db, message.accountId, message.conversationId);
  if (conversation?.channel !== 'email') return null;
  const account = await findAccount(db, message.accountId);
  const to = conversation.customer.email;
  if (!account || !to) return err('not-found', `conversation ${conversation.id} has no customer address`);

  const from = addressOf(options, account.id);
  const mailId = `${message.id}@${from.split('@')[1] ?? 'localhost'}`;
  const thread = (await listThread(db, account.id, conversation.id)).filter((entry) => entry.mailId !== mailId);
  const lastInbound = thread.filter((entry) => entry.direction === 'in').at(-1);
  return ok({
    from: { name: account.name, address: from },
    to,
    subject: replySubject(conversation.subject),
    text: message.text,
    mailId,
    inReplyTo: lastInbound?.mailId ?? null,
    references: trimReferences(thread.map((entry) => entry.mailId)),
    ...(message.attachments?.length ? { attachments: await mailAttachmentsOf(db, message) } : {}),
  });
}

/** The reply's images as MIME parts, with the type the hub verified when it stored them. */
async function mailAttachmentsOf(db: Queryable, message: Message): Promise<NonNullable<OutboundMail['attachments']>> {
  const parts: NonNullable<OutboundMail['attachments']> = [];
  for (const attachment of message.attachments ?? []) {
    const stored = await readAttachmentBytes(db, message.accountId, attachment.id);
    if (stored) parts.push({ filename: attachment.name, contentType: stored.mime, content: Buffer.from(stored.bytes) });
  }
  return parts;
}
