import { z } from 'zod';
import { Channel } from './account.js';
import { Id, Timestamp } from './ids.js';

/**
 * A queue within an account: `general` (first line), `tier2`, `supervisor`, and
 * skill or language queues such as `general-en` or `invoices`.
 */
export const QueueKey = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'expected a queue key: a-z, 0-9, _ or -');
export type QueueKey = z.infer<typeof QueueKey>;

export const PresenceStatus = z.enum(['online', 'away', 'offline']);
export type PresenceStatus = z.infer<typeof PresenceStatus>;

const Count = z.number().int().nonnegative();

/** An agent serving a queue, with how many conversations they hold against their capacity. */
export const AgentLoad = z.object({
  personId: Id,
  name: z.string().min(1).max(200),
  status: PresenceStatus,
  load: Count,
  capacity: Count,
});
export type AgentLoad = z.infer<typeof AgentLoad>;

/** Live numbers for one queue of one account; sent at least once a second while anything changes. */
export const QueueStats = z.object({
  accountId: Id,
  queue: QueueKey,
  channel: Channel,
  /** Conversations queued without an owner, and held by a human or supervisor. */
  waiting: Count,
  active: Count,
  /** Conversations the bot holds in this queue's account (for the supervisors' view). */
  bot: Count,
  longestWaitMs: Count,
  /** SLA breaches (first or next response) among conversations open in this queue. */
  slaBreaches: Count,
  /** Arrivals into and resolutions from this queue in the last 60 s. */
  arrivalsLastMinute: Count,
  resolvedLastMinute: Count,
  agents: z.array(AgentLoad).max(500),
  at: Timestamp,
});
export type QueueStats = z.infer<typeof QueueStats>;

export const KbArticle = z.object({
  id: Id,
  accountId: Id,
  kind: z.enum(['article', 'canned']),
  title: z.string().min(1).max(300),
  body: z.string().min(1).max(20_000),
  questions: z.array(z.string().max(500)).max(200),
  /** Optional: the article's language, its topic tags, and the id of the original it translates. */
  language: z.enum(['zh-CN', 'zh-TW', 'en']).optional(),
  tags: z.array(z.string().min(1).max(40)).max(20).optional(),
  variantOf: Id.optional(),
  updatedAt: Timestamp,
});
export type KbArticle = z.infer<typeof KbArticle>;
