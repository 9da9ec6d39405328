import type { Message } from '../../../src-shared/domain/message.js';
import type { CustomerMessage } from '../../../src-shared/hub/customer.js';

/** The customer's view of a message: no private notes (callers filter), no agent ids, "me" for their own. */
export function toCustomerMessage(message: Message): CustomerMessage {
  const from = message.author.kind === 'customer' ? 'me' : message.author.kind;
  return {
    id: message.id,
    conversationId: message.conversationId,
    text: message.text,
    createdAt: message.createdAt,
    from,
    authorName: message.author.name,
    ...(message.attachments ? { attachments: message.attachments } : {}),
  };
}

export const visitorRoom = (accountId: string, visitorId: string): string => `visitor:${accountId}:${visitorId}`;
