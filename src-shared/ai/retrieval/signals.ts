import { tokenize } from '../text/tokenize.js';
import type { EngineArticle } from './article.js';
import { Bm25Index } from './bm25.js';
import { articleExamples, articleFields } from './fields.js';
import { NaiveBayesIntents } from './intent.js';
import { TermIds, grown } from './postings.js';
import { ScoreBoard } from './scoreBoard.js';

/** Per article, each signal on a 0..1 scale so they can be mixed. */
export interface Evidence {
  lexical: number;
  question: number;
  intent: number;
}

const ratio = (score: number, ceiling: number) => (score > 0 && ceiling > 0 ? Math.min(1, score / ceiling) : 0);

/**
 * The three views of "which article answers this": BM25 over whole articles,
 * BM25 over single example questions (the closest way someone asked it before),
 * and the naive Bayes intent model. All three update in place.
 */
export class ArticleSignals {
  /** One vocabulary for the three: a build hashes each token once. */
  private readonly termIds = new TermIds();
  private readonly articles = new Bm25Index({ k1: 1.2, b: 0.75, termIds: this.termIds });
  // One example is short: length matters less, and saturation comes fast.
  private readonly examples = new Bm25Index({ k1: 1.0, b: 0.5, termIds: this.termIds });
  private readonly intents = new NaiveBayesIntents(3, this.termIds);
  /** Article id → the slots of its examples in `examples`. */
  private readonly exampleSlots = new Map<string, number[]>();
  /** Example slot → its article's slot in `articles`: folds example scores into article scores without strings. */
  private exampleOwner = new Int32Array(256);
  /** Per article slot, its best example's score for the current query. */
  private readonly bestExample = new ScoreBoard();

  index(article: EngineArticle): void {
    this.drop(article.id);
    const termsOf = (text: string) => tokenize(text).map((t) => this.termIds.of(t));
    const examples = articleExamples(article).map(termsOf);
    const owner = this.articles.addTerms(article.id, articleFields(article, examples[0]!, examples.slice(1), termsOf));
    const slots = examples.map((terms, i) => {
      this.intents.learnTerms(article.id, terms);
      return this.examples.addTerms(`${article.id}\u0001${i}`, [{ terms, weight: 1 }]);
    });
    this.exampleOwner = grown(this.exampleOwner, Math.max(...slots) + 1);
    for (const slot of slots) this.exampleOwner[slot] = owner;
    this.exampleSlots.set(article.id, slots);
  }

  drop(id: string): void {
    const slots = this.exampleSlots.get(id);
    if (slots === undefined) return;
    this.articles.remove(id);
    slots.forEach((_, i) => this.examples.remove(`${id}\u0001${i}`));
    this.intents.forget(id);
    this.exampleSlots.delete(id);
  }

  /**
   * The lexical signals for given articles only (no intent: its posterior needs
   * every label). Cheap enough to score earlier turns against the current candidates.
   */
  evidenceFor(tokens: readonly string[], ids: ReadonlySet<string>): Map<string, Evidence> {
    const lexical = this.articles.prepare(tokens);
    const examples = this.examples.prepare(tokens);
    const out = new Map<string, Evidence>();
    for (const id of ids) {
      const slot = this.articles.slotOf(id);
      if (slot === undefined) continue;
      let best = 0;
      for (const example of this.exampleSlots.get(id)!) best = Math.max(best, this.examples.scoreDoc(examples, example));
      const lex = this.articles.scoreDoc(lexical, slot);
      if (lex === 0 && best === 0) continue;
      out.set(id, { lexical: ratio(lex, lexical.ceiling), question: ratio(best, examples.ceiling), intent: 0 });
    }
    return out;
  }

  /** The best `perSignal` articles of each signal, with all three signals for each. */
  evidence(tokens: readonly string[], perSignal: number): Map<string, Evidence> {
    const lexical = this.articles.scoreSlots(tokens);
    const examples = this.examples.scoreSlots(tokens);
    const question = this.bestExample;
    question.clear();
    for (let i = 0; i < examples.board.count; i++) {
      const slot = examples.board.touched[i]!;
      question.max(this.exampleOwner[slot]!, examples.board.values[slot]!);
    }
    const intent = this.intents.posteriorSlots(tokens);
    const candidates = new Set<string>();
    for (const [id] of lexical.board.top(perSignal, this.articles.idOf)) candidates.add(id);
    for (const [id] of question.top(perSignal, this.articles.idOf)) candidates.add(id);
    for (const [id] of intent.top(perSignal, this.intents.nameOf)) candidates.add(id);
    const out = new Map<string, Evidence>();
    for (const id of candidates) {
      const slot = this.articles.slotOf(id)!;
      out.set(id, {
        lexical: ratio(lexical.board.get(slot), lexical.ceiling),
        question: ratio(question.get(slot), examples.ceiling),
        intent: intent.get(this.intents.slotOf(id)!),
      });
    }
    return out;
  }
}
