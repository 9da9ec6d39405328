import type { Evidence } from './signals.js';

/**
 * A calibrated mix rather than reciprocal-rank fusion: every signal is already
 * on 0..1 (BM25 as the share of the best reachable score, the intent model as a
 * posterior), so the mix is itself a confidence the UI can threshold, which
 * ranks alone cannot give. The example-question match leads: a customer's
 * question usually resembles one earlier phrasing more than the whole article.
 */
export const FUSION_WEIGHTS = { lexical: 0.3, question: 0.4, intent: 0.3 } as const;

export const fuse = (e: Evidence): number =>
  FUSION_WEIGHTS.lexical * e.lexical + FUSION_WEIGHTS.question * e.question + FUSION_WEIGHTS.intent * e.intent;

/** Earlier turns re-rank, weighted lower than the current message and less the older they are. */
export const CONTEXT_WEIGHTS = [0.25, 0.15, 0.1] as const;

/** For earlier turns, scored without the intent model: the lexical weights, rescaled to 0..1. */
export const fuseLexical = (e: Evidence): number =>
  (FUSION_WEIGHTS.lexical * e.lexical + FUSION_WEIGHTS.question * e.question) / (FUSION_WEIGHTS.lexical + FUSION_WEIGHTS.question);
