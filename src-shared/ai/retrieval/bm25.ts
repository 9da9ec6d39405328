import { tokenize } from '../text/tokenize.js';
import { PostingList, Slots, grown } from './postings.js';
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

export interface Bm25Options {
  /** Term-frequency saturation. Short FAQ documents saturate fast: lower than the textbook 1.2. */
  k1?: number;
  /** Length normalization: 0 none, 1 full. */
  b?: number;
}

/** A query's distinct, not-too-common terms with their idf, for scoring single documents. */
export interface PreparedQuery {
  terms: string[];
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
 * slots so a query is arithmetic over typed arrays (see PostingList, ScoreBoard).
 */
export class Bm25Index {
  readonly k1: number;
  readonly b: number;
  private readonly slots = new Slots();
  /** Slot → the document's terms and weighted frequencies (for removal and single-document scoring). */
  private readonly docs: Array<Map<string, number> | undefined> = [];
  private lengths = new Float64Array(64);
  private readonly postings = new Map<string, PostingList>();
  private readonly board = new ScoreBoard();
  private totalLength = 0;

  constructor(options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
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
    this.remove(id);
    const fields = typeof content === 'string' ? [{ tokens: tokenize(content), weight: 1 }] : content;
    const terms = new Map<string, number>();
    let length = 0;
    for (const { tokens, weight } of fields) {
      for (const t of tokens) terms.set(t, (terms.get(t) ?? 0) + weight);
      length += tokens.length * weight;
    }
    const slot = this.slots.take(id);
    this.docs[slot] = terms;
    this.lengths = grown(this.lengths, slot + 1);
    this.lengths[slot] = length;
    this.totalLength += length;
    // forEach, not for-of: no [term, tf] pair allocated per entry (a build makes a million).
    terms.forEach((tf, term) => {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = new PostingList()));
      list.push(slot, tf);
    });
    return slot;
  }

  remove(id: string): boolean {
    const slot = this.slots.release(id);
    if (slot === undefined) return false;
    this.docs[slot]!.forEach((_, term) => {
      const list = this.postings.get(term)!;
      list.removeAt(list.indexOf(slot));
      if (list.length === 0) this.postings.delete(term);
    });
    this.totalLength -= this.lengths[slot]!;
    this.docs[slot] = undefined;
    return true;
  }

  idf(term: string): number {
    const n = this.size;
    const df = this.postings.get(term)?.length ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
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
    for (const term of new Set(queryTokens)) {
      const list = this.postings.get(term);
      if (list && isTooCommon(list.length, n)) continue;
      const idf = this.idf(term);
      ceiling += idf * (k1 + 1);
      if (!list) continue;
      const { slots, weights } = list;
      for (let i = 0; i < list.length; i++) {
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
    const terms = [...new Set(queryTokens)].filter((t) => !isTooCommon(this.postings.get(t)?.length ?? 0, this.size));
    const idfs = terms.map((t) => this.idf(t));
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
      const tf = doc.get(term);
      if (tf) score += (query.idfs[i]! * tf * (this.k1 + 1)) / (tf + norm);
    });
    return score;
  }

  search(query: string | readonly string[], k = 10): Bm25Hit[] {
    const { board, ceiling } = this.scoreSlots(typeof query === 'string' ? tokenize(query) : query);
    return board.top(k, this.idOf).map(([id, score]) => ({ id, score, coverage: ceiling > 0 ? Math.min(1, score / ceiling) : 0 }));
  }
}
