import { z } from 'zod';
import { Channel } from './account.js';
import { Id, Timestamp } from './ids.js';

export const Customer = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  email: z.string().max(320).optional(),
  phone: z.string().max(40).optional(),
});
export type Customer = z.infer<typeof Customer>;

/** `bot`: the first-line bot has it; `open`: waiting for or with a human. */
export const ConversationStatus = z.enum(['bot', 'open', 'pending', 'resolved']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const Conversation = z.object({
  id: Id,
  accountId: Id,
  channel: Channel,
  customer: Customer,
  status: ConversationStatus,
  assigneeId: Id.nullable(),
  assigneeName: z.string().max(200).nullable(),
  subject: z.string().max(500).nullable(),
  createdAt: Timestamp,
  lastActivityAt: Timestamp,
  lastMessagePreview: z.string().max(280),
});
export type Conversation = z.infer<typeof Conversation>;
