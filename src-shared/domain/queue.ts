import { z } from 'zod';
import { Id, Timestamp } from './ids.js';

export const QueueStats = z.object({
  accountId: Id,
  queue: z.string().min(1).max(100),
  waiting: z.number().int().nonnegative(),
  active: z.number().int().nonnegative(),
  longestWaitMs: z.number().int().nonnegative(),
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

export const PresenceStatus = z.enum(['online', 'away', 'offline']);
export type PresenceStatus = z.infer<typeof PresenceStatus>;
