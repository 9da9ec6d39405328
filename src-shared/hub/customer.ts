import { z } from 'zod';
import { AttachmentRefs } from '../domain/attachment.js';
import { Id } from '../domain/ids.js';
import { Message, MessageText } from '../domain/message.js';
import { ErrorInfo } from '../result.js';

/**
 * The web-chat widget's protocol (namespace /customer). Customers are anonymous
 * visitors: the widget keeps a random visitor id in localStorage.
 */
export const CustomerHandshake = z.object({
  accountId: Id,
  visitorId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  name: z.string().trim().min(1).max(80).optional(),
});
export type CustomerHandshake = z.infer<typeof CustomerHandshake>;

export const CustomerSend = z.object({ text: MessageText, attachments: AttachmentRefs.optional() });

/** What a customer may see of a message: never private notes, never internal ids of agents. */
export const CustomerMessage = Message.pick({ id: true, conversationId: true, text: true, createdAt: true, attachments: true }).extend({
  from: z.enum(['me', 'agent', 'bot', 'system']),
  authorName: z.string().max(200),
});
export type CustomerMessage = z.infer<typeof CustomerMessage>;

/** Sent on connect: the visitor's latest conversation, so a reload shows what was said. */
export const CustomerHistory = z.object({ messages: z.array(CustomerMessage) });
export type CustomerHistory = z.infer<typeof CustomerHistory>;

export const CustomerSendAck = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), message: CustomerMessage }),
  z.object({ ok: z.literal(false), error: ErrorInfo }),
]);
export type CustomerSendAck = z.infer<typeof CustomerSendAck>;

export const CustomerEvents = {
  send: 'customer.send',
  history: 'history',
  message: 'message',
} as const;
