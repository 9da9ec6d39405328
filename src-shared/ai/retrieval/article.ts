import type { Language } from '../text/language.js';

/**
 * What the engine needs of a knowledge-base article: the hub's `KbArticle`
 * and the demo KB both fit. Translations of one answer share `variantOf`
 * (the id of the zh-CN original), so the engine can answer in the customer's language.
 */
export interface EngineArticle {
  id: string;
  title: string;
  body: string;
  questions: readonly string[];
  tags?: readonly string[];
  language?: Language;
  variantOf?: string;
}

export interface Suggestion {
  articleId: string;
  title: string;
  body: string;
  language: Language;
  /** 0..1: how well the message matches the article, not just its rank. */
  confidence: number;
  /** The parts of the confidence, for the UI's "why" and for tuning. */
  evidence: { lexical: number; question: number; intent: number; context: number };
}

/** The id all translations of one answer share. */
export const groupOf = (a: EngineArticle): string => a.variantOf ?? a.id;
