import type { EngineArticle } from './article.js';
import type { WeightedTerms } from './bm25.js';

/**
 * How much a match counts per field. The example questions are written the way
 * customers ask, so they carry the most; the body is an answer, not a question,
 * and has many words that customers never type.
 */
export const FIELD_WEIGHTS = { title: 2, questions: 1.5, tags: 1, body: 0.3 } as const;

/**
 * Weighted fields for BM25, reusing the example term ids the caller already has
 * (tokenizing is the cost of a build); `termsOf` tokenizes the rest.
 */
export function articleFields(
  a: EngineArticle,
  titleTerms: readonly number[],
  questionTerms: ReadonlyArray<readonly number[]>,
  termsOf: (text: string) => number[],
): WeightedTerms[] {
  return [
    { terms: titleTerms, weight: FIELD_WEIGHTS.title },
    { terms: questionTerms.flat(), weight: FIELD_WEIGHTS.questions },
    { terms: (a.tags ?? []).flatMap(termsOf), weight: FIELD_WEIGHTS.tags },
    { terms: termsOf(a.body), weight: FIELD_WEIGHTS.body },
  ];
}

/** The examples the question index and the intent model learn from: the title, then each question. */
export const articleExamples = (a: EngineArticle): string[] => [a.title, ...a.questions];
