import { z } from 'zod';
import { MessageAttachments } from './attachment.js';
import { ClientId, Id, Timestamp } from './ids.js';

/** What an agent or a widget customer may type in one message. */
export const MAX_MESSAGE_LENGTH = 10_000;
/**
 * What a stored message may hold: channels such as email can bring far longer text.
 * It is kept whole and shown folded; only beyond this is it refused.
 */
export const MAX_STORED_MESSAGE_LENGTH = 1_000_000;

export const AuthorKind = z.enum(['customer', 'agent', 'bot', 'system']);
export type AuthorKind = z.infer<typeof AuthorKind>;

export const Author = z.object({
  kind: AuthorKind,
  id: Id,
  name: z.string().min(1).max(200),
});
export type Author = z.infer<typeof Author>;

export const MessageStatus = z.enum(['queued', 'sent', 'delivered', 'read', 'failed']);
export type MessageStatus = z.infer<typeof MessageStatus>;

/** Text is plain text, always: the UI renders it as text, never as HTML. */
export const MessageText = z.string().trim().min(1).max(MAX_MESSAGE_LENGTH);

export const Message = z.object({
  id: Id,
  conversationId: Id,
  accountId: Id,
  clientId: ClientId.nullable(),
  author: Author,
  text: z.string().min(1).max(MAX_STORED_MESSAGE_LENGTH),
  private: z.boolean(),
  status: MessageStatus,
  createdAt: Timestamp,
  /** Images the hub stored and verified (absent in older logs and in text-only messages). */
  attachments: MessageAttachments.optional(),
});
export type Message = z.infer<typeof Message>;
