import { simpleParser } from 'mailparser';
import { ImageMime, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE, sanitizeAttachmentName } from '../../../src-shared/domain/attachment.js';
import { err, ok, type Result } from '../../../src-shared/result.js';
import { messageTextOf } from './mailText.js';

/** What the hub keeps of an inbound mail. Mail ids are Message-IDs without angle brackets. */
export interface InboundMail {
  mailId: string | null;
  /** In-Reply-To first, then References newest first: the ids a reply may thread on. */
  parentIds: string[];
  from: { address: string; name: string | null };
  subject: string | null;
  text: string;
  /** Attached images of a type we take, as the mail declared them: the hub verifies the bytes when it stores them. */
  images: InboundImage[];
}

export interface InboundImage {
  bytes: Uint8Array;
  claimedMime: string;
  name: string;
}

/** `<a@b> <c@d>` or `a@b` → `['a@b', 'c@d']`. */
export function mailIdsIn(header: string | string[] | undefined): string[] {
  const values = Array.isArray(header) ? header : header ? [header] : [];
  return values.flatMap((value) => {
    const bracketed = [...value.matchAll(/<([^<>\s]{1,250})>/g)].map((m) => m[1]!);
    return bracketed.length > 0 ? bracketed : value.trim() && !/\s/.test(value.trim()) ? [value.trim()] : [];
  });
}

/** A mail with no usable From address cannot become a conversation: that is the one parse error. */
export async function parseMail(raw: Buffer): Promise<Result<InboundMail>> {
  const parsed = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  const sender = parsed.from?.value.find((a) => a.address && /^[^@\s]+@[^@\s]+$/.test(a.address));
  if (!sender?.address) return err('validation', 'the mail has no valid From address');
  const references = mailIdsIn(parsed.references).reverse();
  return ok({
    mailId: mailIdsIn(parsed.messageId)[0] ?? null,
    parentIds: [...new Set([...mailIdsIn(parsed.inReplyTo), ...references])],
    from: { address: sender.address.toLowerCase(), name: sender.name?.trim() || null },
    subject: parsed.subject?.trim().slice(0, 500) || null,
    text: messageTextOf({ text: parsed.text, html: parsed.html, attachments: parsed.attachments }),
    images: parsed.attachments
      .filter((a) => ImageMime.safeParse(a.contentType).success && a.size <= MAX_ATTACHMENT_BYTES)
      .slice(0, MAX_ATTACHMENTS_PER_MESSAGE)
      .map((a) => ({ bytes: a.content, claimedMime: a.contentType, name: sanitizeAttachmentName(a.filename ?? '') })),
  });
}
