import { tokenize } from '../text/tokenize.js';
import { PostingList, Slots, TermIds, grown } from './postings.js';
import { ScoreBoard } from './scoreBoard.js';

/** A field's tokens and how much a match in it counts (title > questions > body). */
export interface WeightedTokens {
  tokens: readonly string[];
  weight: number;
}

export interface Bm25Hit {
  id: string;
  score: number;
  /** score / the best score any document could reach for this query: 0..1, comparable across queries. */
  coverage: number;
}

/** The same with tokens already turned into ids of the index's `TermIds`. */
export interface WeightedTerms {
  terms: ArrayLike<number>;
  weight: number;
}

export interface Bm25Options {
  /** Term-frequency saturation. Short FAQ documents saturate fast: lower than the textbook 1.2. */
  k1?: number;
  /** Length normalization: 0 none, 1 full. */
  b?: number;
  /** Term ids shared with other indexes over the same texts, so each token is hashed once for all. */
  termIds?: TermIds;
}

/** A query's distinct, not-too-common terms with their idf, for scoring single documents. */
export interface PreparedQuery {
  /** Term ids; -1 for a term no document has. */
  terms: number[];
  idfs: number[];
  ceiling: number;
}

/**
 * A query term in more than this share of a large index (花呗 in a 花呗 FAQ) adds
 * almost nothing to BM25 (idf ≈ 0) but costs the most time: skip it.
 */
const COMMON_SHARE = 0.2;
const COMMON_MIN_DOCS = 500;
export const isTooCommon = (df: number, n: number): boolean => n >= COMMON_MIN_DOCS && df > n * COMMON_SHARE;

/**
 * BM25 over an inverted index that accepts `add` and `remove` at any time
 * (no rebuild: statistics are sums kept up to date). Fields are folded into one
 * weighted term frequency, the simple form of BM25F. Documents live in integer
 * slots so a query is arithmetic over flat arrays (see PostingList, ScoreBoard).
 */
export class Bm25Index {
  readonly k1: number;
  readonly b: number;
  private readonly slots = new Slots();
  readonly termIds: TermIds;
  /** Term id → its postings; an emptied list stays (df 0 = absent). */
  private readonly postings: PostingList[] = [];
  /** Slot → the document's term ids and weighted frequencies (for removal and single-document scoring). */
  private readonly docs: Array<{ terms: number[]; tfs: number[] } | undefined> = [];
  private lengths = new Float64Array(64);
  private readonly board = new ScoreBoard();
  /** Term id → weighted frequency while one document is added. */
  private readonly tally = new ScoreBoard();
  private totalLength = 0;

  constructor(options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
    this.termIds = options.termIds ?? new TermIds();
  }

  get size(): number {
    return this.slots.size;
  }

  slotOf(id: string): number | undefined {
    return this.slots.of(id);
  }

  readonly idOf = (slot: number): string => this.slots.idOf(slot);

  /** Adds or replaces a document: plain text, or weighted fields already tokenized. Returns its slot. */
  add(id: string, content: string | readonly WeightedTokens[]): number {
    const fields = typeof content === 'string' ? [{ tokens: tokenize(content), weight: 1 }] : content;
    return this.addTerms(id, fields.map(({ tokens, weight }) => ({ terms: tokens.map((t) => this.termIds.of(t)), weight })));
  }

  /** `add` for fields whose tokens are already ids of `termIds`. */
  addTerms(id: string, fields: readonly WeightedTerms[]): number {
    this.remove(id);
    const { tally } = this;
    tally.clear();
    let length = 0;
    for (const { terms, weight } of fields) {
      // A zero-weight field adds nothing, not even document frequency.
      if (weight > 0) for (let i = 0; i < terms.length; i++) tally.add(terms[i]!, weight);
      length += terms.length * weight;
    }
    const slot = this.slots.take(id);
    const terms: number[] = [];
    const tfs: number[] = [];
    for (let i = 0; i < tally.count; i++) {
      const term = tally.touched[i]!;
      terms.push(term);
      tfs.push(tally.values[term]!);
      (this.postings[term] ??= new PostingList()).push(slot, tally.values[term]!);
    }
    this.docs[slot] = { terms, tfs };
    this.lengths = grown(this.lengths, slot + 1);
    this.lengths[slot] = length;
    this.totalLength += length;
    return slot;
  }

  remove(id: string): boolean {
    const slot = this.slots.release(id);
    if (slot === undefined) return false;
    for (const term of this.docs[slot]!.terms) {
      const list = this.postings[term]!;
      list.removeAt(list.indexOf(slot));
    }
    this.totalLength -= this.lengths[slot]!;
    this.docs[slot] = undefined;
    return true;
  }

  /** How many documents have the term. */
  private df(term: number | undefined): number {
    return term === undefined ? 0 : (this.postings[term]?.length ?? 0);
  }

  private idfOfDf(df: number): number {
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  idf(term: string): number {
    return this.idfOfDf(this.df(this.termIds.get(term)));
  }

  /**
   * Every matching document's score by slot, and the ceiling that makes `coverage`.
   * The board is this index's own and is overwritten by the next call.
   */
  scoreSlots(queryTokens: readonly string[]): { board: ScoreBoard; ceiling: number } {
    const { board, k1, b, lengths } = this;
    board.clear();
    const n = this.size;
    const avgLength = this.totalLength / Math.max(1, n) || 1;
    let ceiling = 0;
    for (const token of new Set(queryTokens)) {
      const term = this.termIds.get(token);
      const df = this.df(term);
      if (isTooCommon(df, n)) continue;
      const idf = this.idfOfDf(df);
      ceiling += idf * (k1 + 1);
      if (df === 0) continue;
      const { slots, weights } = this.postings[term!]!;
      for (let i = 0; i < df; i++) {
        const slot = slots[i]!;
        const tf = weights[i]!;
        const norm = k1 * (1 - b + (b * lengths[slot]!) / avgLength);
        board.add(slot, (idf * tf * (k1 + 1)) / (tf + norm));
      }
    }
    return { board, ceiling };
  }

  /** Terms and idfs once per query, for `scoreDoc` on a short list of documents. */
  prepare(queryTokens: readonly string[]): PreparedQuery {
    const terms: number[] = [];
    const idfs: number[] = [];
    for (const token of new Set(queryTokens)) {
      const term = this.termIds.get(token);
      const df = this.df(term);
      if (isTooCommon(df, this.size)) continue;
      terms.push(df > 0 ? term! : -1);
      idfs.push(this.idfOfDf(df));
    }
    return { terms, idfs, ceiling: idfs.reduce((sum, idf) => sum + idf * (this.k1 + 1), 0) };
  }

  /** One document's score: O(query × its terms), for re-ranking a short list. */
  scoreDoc(query: PreparedQuery, slot: number): number {
    const doc = this.docs[slot];
    if (!doc) return 0;
    const avgLength = this.totalLength / Math.max(1, this.size) || 1;
    const norm = this.k1 * (1 - this.b + (this.b * this.lengths[slot]!) / avgLength);
    let score = 0;
    query.terms.forEach((term, i) => {
      const at = term < 0 ? -1 : doc.terms.indexOf(term);
      if (at < 0) return;
      const tf = doc.tfs[at]!;
      score += (query.idfs[i]! * tf * (this.k1 + 1)) / (tf + norm);
    });
    return score;
  }

  search(query: string | readonly string[], k = 10): Bm25Hit[] {
    const { board, ceiling } = this.scoreSlots(typeof query === 'string' ? tokenize(query) : query);
    return board.top(k, this.idOf).map(([id, score]) => ({ id, score, coverage: ceiling > 0 ? Math.min(1, score / ceiling) : 0 }));
  }
}
