import type { EngineArticle } from '../../src-shared/ai/retrieval/article.js';
import { atecPairs, banking77 } from './datasets.js';
import { seededShuffle } from './metrics.js';
import type { RetrievalTask } from './retrievalEval.js';

/** Banking77: one article per intent, its train rows as example questions; queries are the test split. */
export function banking77Task(): RetrievalTask {
  const byIntent = new Map<string, string[]>();
  for (const { text, label } of banking77('train')) byIntent.set(label, [...(byIntent.get(label) ?? []), text]);
  const articles: EngineArticle[] = [...byIntent].map(([intent, questions]) => ({
    id: intent,
    title: intent.replace(/_/g, ' '),
    body: intent.replace(/_/g, ' '), // the dataset has no answers; the intent name stands in
    questions,
    language: 'en',
  }));
  return { articles, queries: banking77('test').map(({ text, label }) => ({ text, answer: label })) };
}

/** Same-meaning pairs queried, per README; bounded so `npm run eval` stays fast. */
export const ATEC_QUERIES = 3000;
export const ATEC_DISTRACTORS = 12_000;

/**
 * ATEC: every q1 of a sampled same-meaning pair is an "article" (title and one
 * example question), plus q1s of different-meaning pairs as distractors; the
 * paired q2 is the query. Identical q1 texts are one article.
 */
export function atecTask(): RetrievalTask & { pairsAvailable: number; distractorsAvailable: number } {
  const pairs = atecPairs();
  const same = seededShuffle(pairs.filter((p) => p.same), 11).slice(0, ATEC_QUERIES);
  const different = seededShuffle(pairs.filter((p) => !p.same), 12).slice(0, ATEC_DISTRACTORS);
  const idOf = new Map<string, string>();
  const articles: EngineArticle[] = [];
  for (const q of [...same.map((p) => p.q1), ...different.map((p) => p.q1)]) {
    if (idOf.has(q)) continue;
    const id = `q${idOf.size}`;
    idOf.set(q, id);
    articles.push({ id, title: q, body: q, questions: [q], language: 'zh-CN' });
  }
  return {
    articles,
    queries: same.map((p) => ({ text: p.q2, answer: idOf.get(p.q1)! })),
    pairsAvailable: pairs.filter((p) => p.same).length,
    distractorsAvailable: pairs.length - pairs.filter((p) => p.same).length,
  };
}
