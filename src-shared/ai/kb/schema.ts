import { z } from 'zod';
import { Id } from '../../domain/ids.js';

/**
 * One article of the shipped demo knowledge base (assets/kb/*.json). Same core
 * fields as the hub's `KbArticle`, plus what the engine uses: tags, language,
 * and `variantOf` linking a translation to its zh-CN original.
 */
export const DemoKbArticle = z.object({
  id: Id,
  kind: z.literal('article'),
  language: z.enum(['zh-CN', 'zh-TW', 'en']),
  variantOf: Id.optional(),
  title: z.string().min(1).max(300),
  body: z.string().min(1).max(20_000),
  questions: z.array(z.string().min(1).max(500)).min(3).max(8),
  tags: z.array(z.string().min(1).max(40)).min(1),
});
export type DemoKbArticle = z.infer<typeof DemoKbArticle>;
export const DemoKb = z.array(DemoKbArticle);
