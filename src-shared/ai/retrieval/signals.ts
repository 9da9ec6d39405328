import { tokenize } from '../text/tokenize.js';
import type { EngineArticle } from './article.js';
import { Bm25Index, topK } from './bm25.js';
import { articleExamples, articleFields } from './fields.js';
import { NaiveBayesIntents } from './intent.js';

/** Per article, each signal on a 0..1 scale so they can be mixed. */
export interface Evidence {
  lexical: number;
  question: number;
  intent: number;
}

/**
 * The three views of "which article answers this": BM25 over whole articles,
 * BM25 over single example questions (the closest way someone asked it before),
 * and the naive Bayes intent model. All three update in place.
 */
export class ArticleSignals {
  private readonly articles = new Bm25Index({ k1: 1.2, b: 0.75 });
  // One example is short: length matters less, and saturation comes fast.
  private readonly examples = new Bm25Index({ k1: 1.0, b: 0.5 });
  private readonly intents = new NaiveBayesIntents();
  private readonly exampleCount = new Map<string, number>();

  index(article: EngineArticle): void {
    this.drop(article.id);
    const examples = articleExamples(article).map((text) => tokenize(text));
    this.articles.add(article.id, articleFields(article, examples[0]!, examples.slice(1)));
    examples.forEach((tokens, i) => {
      this.examples.add(`${article.id}\u0001${i}`, [{ tokens, weight: 1 }]);
      this.intents.learn(article.id, tokens);
    });
    this.exampleCount.set(article.id, examples.length);
  }

  drop(id: string): void {
    const count = this.exampleCount.get(id);
    if (count === undefined) return;
    this.articles.remove(id);
    for (let i = 0; i < count; i++) this.examples.remove(`${id}\u0001${i}`);
    this.intents.forget(id);
    this.exampleCount.delete(id);
  }

  /**
   * The lexical signals for given articles only (no intent: its posterior needs
   * every label). Cheap enough to score earlier turns against the current candidates.
   */
  evidenceFor(tokens: readonly string[], ids: ReadonlySet<string>): Map<string, Evidence> {
    const lexical = this.articles.scoreDocs(tokens, ids);
    const exampleIds = [...ids].flatMap((id) => Array.from({ length: this.exampleCount.get(id) ?? 0 }, (_, i) => `${id}\u0001${i}`));
    const examples = this.examples.scoreDocs(tokens, exampleIds);
    const out = new Map<string, Evidence>();
    for (const id of ids) {
      let best = 0;
      for (let i = 0; i < (this.exampleCount.get(id) ?? 0); i++) best = Math.max(best, examples.scores.get(`${id}\u0001${i}`) ?? 0);
      const lex = lexical.scores.get(id) ?? 0;
      if (lex === 0 && best === 0) continue;
      out.set(id, { lexical: lexical.ceiling > 0 ? Math.min(1, lex / lexical.ceiling) : 0, question: examples.ceiling > 0 ? Math.min(1, best / examples.ceiling) : 0, intent: 0 });
    }
    return out;
  }

  /** The best `perSignal` articles of each signal, with all three signals for each. */
  evidence(tokens: readonly string[], perSignal: number): Map<string, Evidence> {
    const lexical = this.articles.scoreAll(tokens);
    const examples = this.examples.scoreAll(tokens);
    const question = new Map<string, number>();
    for (const [exampleId, score] of examples.scores) {
      const id = exampleId.slice(0, exampleId.indexOf('\u0001'));
      if (score > (question.get(id) ?? 0)) question.set(id, score);
    }
    const intent = this.intents.posteriors(tokens);
    const candidates = new Set<string>();
    for (const scores of [lexical.scores, question, intent]) for (const [id] of topK(scores, perSignal)) candidates.add(id);
    const ratio = (score: number | undefined, ceiling: number) => (score && ceiling > 0 ? Math.min(1, score / ceiling) : 0);
    const out = new Map<string, Evidence>();
    for (const id of candidates) {
      out.set(id, {
        lexical: ratio(lexical.scores.get(id), lexical.ceiling),
        question: ratio(question.get(id), examples.ceiling),
        intent: intent.get(id) ?? 0,
      });
    }
    return out;
  }
}
