import { z } from 'zod';

/**
 * The optional generative rewrite (DESIGN "AI in the workstation"): an OpenAI-compatible
 * endpoint (e.g. a local Ollama) rewrites one local suggestion on request. Off by
 * default. Settings live in main; the API key goes into main's credential vault and
 * never comes back to the renderer (the view only says whether one is stored).
 */
const BaseUrl = z
  .string()
  .trim()
  .url()
  .max(500)
  .refine((u) => /^https?:\/\//.test(u), 'base URL must start with http:// or https://');

export const RewriteSettingsView = z.object({
  enabled: z.boolean(),
  /** Empty until configured. */
  baseUrl: z.string().max(500),
  model: z.string().max(200),
  hasKey: z.boolean(),
});
export type RewriteSettingsView = z.infer<typeof RewriteSettingsView>;

export const RewriteSettingsInput = z.object({
  enabled: z.boolean(),
  baseUrl: BaseUrl,
  model: z.string().trim().min(1).max(200),
  /** Absent: keep the stored key. Empty: forget it (a local server may need none). */
  apiKey: z.string().trim().max(500).optional(),
});
export type RewriteSettingsInput = z.infer<typeof RewriteSettingsInput>;

export const RewriteLanguage = z.enum(['zh-CN', 'zh-TW', 'en']);

export const RewriteRequest = z.object({
  /** The local suggestion to rewrite. */
  text: z.string().trim().min(1).max(4000),
  /** The customer's message it answers, so the rewrite fits the question. */
  question: z.string().max(4000),
  language: RewriteLanguage,
});
export type RewriteRequest = z.infer<typeof RewriteRequest>;

export const RewriteResult = z.object({ text: z.string().min(1).max(4000), model: z.string().max(200) });
export type RewriteResult = z.infer<typeof RewriteResult>;
