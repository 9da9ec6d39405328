import { Bm25Index } from '../../src-shared/ai/retrieval/bm25.js';
import type { EngineArticle } from '../../src-shared/ai/retrieval/article.js';
import { createSuggestionEngine } from '../../src-shared/ai/retrieval/engine.js';
import { rankScores, type RankScores } from './metrics.js';

export interface RetrievalTask {
  articles: EngineArticle[];
  queries: Array<{ text: string; answer: string }>;
}

export interface RetrievalResult {
  engine: RankScores;
  bm25: RankScores;
  engineMsPerQuery: number;
}

const rankOf = (ids: readonly string[], answer: string) => ids.indexOf(answer) + 1;

/**
 * Our engine and the plain BM25 baseline on the same articles and queries.
 * The baseline indexes each article as one document (title, questions, body
 * concatenated) with the same tokenizer and textbook parameters: what "just BM25" is.
 */
export function scoreRetrieval(task: RetrievalTask, depth = 10): RetrievalResult {
  const baseline = new Bm25Index();
  for (const a of task.articles) baseline.add(a.id, [a.title, ...a.questions, a.body].join('\n'));
  const bm25 = rankScores(task.queries.map((q) => rankOf(baseline.search(q.text, depth).map((h) => h.id), q.answer)));

  const engine = createSuggestionEngine(task.articles);
  const started = performance.now();
  const ranks = task.queries.map((q) => rankOf(engine.suggest({ text: q.text, k: depth }).map((s) => s.articleId), q.answer));
  const engineMsPerQuery = (performance.now() - started) / Math.max(1, task.queries.length);
  return { engine: rankScores(ranks), bm25, engineMsPerQuery: Math.round(engineMsPerQuery * 100) / 100 };
}
