import sanitizeHtml from 'sanitize-html';
import { MAX_MESSAGE_LENGTH } from '../../../src-shared/domain/message.js';

/** Block ends become line breaks before the tags go, so paragraphs stay paragraphs. */
const BREAKS = /<br\s*\/?>|<\/(?:p|div|li|tr|h[1-6]|blockquote|pre|table|ul|ol)\s*>/gi;

/**
 * HTML mail as plain text: no tag survives (script and style lose their content
 * too), entities decoded once. The result is text, shown as text, never HTML.
 */
export function htmlToText(html: string): string {
  const bare = sanitizeHtml(html.replace(BREAKS, (tag) => `${tag}\n`), { allowedTags: [], allowedAttributes: {} });
  // sanitize-html escapes &, <, > and " in the text it keeps; plain text wants them back.
  return bare.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** "On Mon, 1 Jan 2024, Ann <a@b.c> wrote:", "在 2024年1月1日，Ann 写道：", Outlook's separator. */
const HISTORY_STARTS = [/^On\b.*\bwrote:\s*$/i, /^在.*写道[:：]\s*$/, /^-{2,}\s*Original Message\s*-{2,}$/i, /^-{2,}\s*原始邮件\s*-{2,}$/];

/**
 * Drops the quoted history a mail client appends: everything from an
 * attribution line on, and every line quoted with ">". If nothing would be
 * left, keeps the mail as it came.
 */
export function stripQuotedHistory(text: string): string {
  const kept: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (HISTORY_STARTS.some((start) => start.test(line.trim()))) break;
    if (!line.trimStart().startsWith('>')) kept.push(line);
  }
  const stripped = kept.join('\n').trim();
  return stripped === '' ? text.trim() : stripped;
}

export interface AttachmentInfo {
  filename?: string | undefined;
  size: number;
}

/** Attachments are not stored yet: agents see what came, by name and size. */
export const attachmentLine = (a: AttachmentInfo): string =>
  `[附件 attachment: ${a.filename?.replace(/[\r\n\t]+/g, ' ').trim() || 'unnamed'}, ${a.size < 1024 ? `${a.size} B` : `${Math.round(a.size / 1024)} KB`}]`;

/** The message text agents see: the body without history, then one line per attachment, within the message limit. */
export function messageTextOf(body: { text?: string | undefined; html?: string | false | undefined; attachments: AttachmentInfo[] }): string {
  const raw = body.text?.trim() ? body.text : body.html ? htmlToText(body.html) : '';
  const attachments = body.attachments.map(attachmentLine).join('\n').slice(0, 2_000);
  const room = MAX_MESSAGE_LENGTH - attachments.length - 1;
  const full = stripQuotedHistory(raw.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n'));
  const text = full.length <= room ? full : `${full.slice(0, room - 12)}…[truncated]`;
  return [text, attachments].filter((part) => part !== '').join('\n') || '（无正文 no text）';
}
