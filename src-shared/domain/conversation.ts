import { z } from 'zod';
import { Channel } from './account.js';
import { Id, Timestamp } from './ids.js';
import { QueueKey } from './queue.js';

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

/**
 * Who holds the conversation, exactly one at a time, decided by the hub: the bot,
 * nobody yet (waiting in its queue), a human agent, or a supervisor who took it over.
 * A human or supervisor owner mutes the bot.
 */
export const Ownership = z.enum(['bot', 'queued', 'human', 'supervisor']);
export type Ownership = z.infer<typeof Ownership>;

/** What the bot knows about its own handling, for the supervisors' risk-sorted bot view. */
export const BotState = z.object({
  turns: z.number().int().nonnegative(),
  /** Confidence of the bot's last answer, 0..1; null before it answered. */
  lastConfidence: z.number().min(0).max(1).nullable(),
  /** Why it handed over, when it did (e.g. 'low-confidence', 'asked-for-human', 'negative', 'repeated'). */
  handoverReason: z.string().max(100).nullable(),
});
export type BotState = z.infer<typeof BotState>;

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
  /** Always sent by the hub since protocol additions for routing; absent in older logs (see ownershipOf). */
  owner: Ownership.optional(),
  queue: QueueKey.optional(),
  bot: BotState.optional(),
  /** When the customer's oldest unanswered message arrived (null when answered): SLA and waiting time. */
  waitingSince: Timestamp.nullable().optional(),
});
export type Conversation = z.infer<typeof Conversation>;

/** The owner, derived for conversations recorded before the hub sent it. */
export function ownershipOf(c: Pick<Conversation, 'owner' | 'status' | 'assigneeId'>): Ownership {
  if (c.owner) return c.owner;
  if (c.status === 'bot') return 'bot';
  return c.assigneeId === null ? 'queued' : 'human';
}

export const DEFAULT_QUEUE = 'general';
export const queueOf = (c: Pick<Conversation, 'queue'>): string => c.queue ?? DEFAULT_QUEUE;
