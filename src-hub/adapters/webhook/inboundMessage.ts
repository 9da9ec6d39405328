import { z } from 'zod';
import { MessageText } from '../../../src-shared/domain/message.js';
import { Timestamp } from '../../../src-shared/domain/ids.js';

/** Platform ids (a Taobao nick may be Chinese): any visible characters, no spaces or controls. */
const PlatformId = z.string().min(1).max(128).regex(/^[^\s\p{Cc}]+$/u, 'expected 1-128 visible characters without spaces');

/** What a connector POSTs to /webhook/<accountId>/messages. Unknown fields are ignored. */
export const InboundMessage = z.object({
  /** The connector's id for this event: the idempotency key (a replay answers 409 with the first result). */
  eventId: PlatformId,
  customer: z.object({
    /** The shopper's id on the platform; with the channel it names the hub customer (`taobao:<id>`). */
    id: PlatformId,
    name: z.string().trim().min(1).max(200),
    phone: z.string().trim().min(1).max(40).regex(/^[0-9+\-() ]+$/, 'expected digits, +, -, (, ) or spaces').optional(),
    email: z.string().trim().max(320).email().optional(),
  }),
  text: MessageText,
  /** When the customer wrote, on the platform's clock (unix ms); kept beside the event id. */
  sentAt: Timestamp,
});
export type InboundMessage = z.infer<typeof InboundMessage>;

/** What the hub POSTs to the account's callback URL for an agent reply. */
export interface CallbackPayload {
  eventId: string;
  conversationId: string;
  /** The platform's own customer id (`customer.id` of the inbound messages). */
  customerId: string;
  text: string;
  sentAt: number;
}

/** Messages in one batch request at most (`POST /webhook/<accountId>/messages/batch`). */
export const MAX_BATCH_MESSAGES = 100;

/** The batch envelope; each item is checked on its own against InboundMessage, so one bad item fails alone. */
export const InboundBatch = z.object({
  messages: z.array(z.unknown()).min(1).max(MAX_BATCH_MESSAGES),
});
