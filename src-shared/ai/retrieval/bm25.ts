import { tokenize } from '../text/tokenize.js';

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

/**
 * A query term in more than this share of a large index (花呗 in a 花呗 FAQ) adds
 * almost nothing to BM25 (idf ≈ 0) but costs the most time: skip it.
 */
const COMMON_SHARE = 0.2;
const COMMON_MIN_DOCS = 500;
export const isTooCommon = (df: number, n: number): boolean => n >= COMMON_MIN_DOCS && df > n * COMMON_SHARE;

interface Doc {
  terms: Map<string, number>;
  length: number;
}

/**
 * BM25 over an inverted index that accepts `add` and `remove` at any time
 * (no rebuild: statistics are sums kept up to date). Fields are folded into one
 * weighted term frequency, the simple form of BM25F.
 */
export class Bm25Index {
  readonly k1: number;
  readonly b: number;
  private readonly docs = new Map<string, Doc>();
  private readonly postings = new Map<string, Map<string, number>>();
  private totalLength = 0;

  constructor(options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
  }

  get size(): number {
    return this.docs.size;
  }

  /** Adds or replaces a document: plain text, or weighted fields already tokenized. */
  add(id: string, content: string | readonly WeightedTokens[]): void {
    this.remove(id);
    const fields = typeof content === 'string' ? [{ tokens: tokenize(content), weight: 1 }] : content;
    const terms = new Map<string, number>();
    let length = 0;
    for (const { tokens, weight } of fields) {
      for (const t of tokens) terms.set(t, (terms.get(t) ?? 0) + weight);
      length += tokens.length * weight;
    }
    this.docs.set(id, { terms, length });
    this.totalLength += length;
    for (const [term, tf] of terms) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = new Map()));
      list.set(id, tf);
    }
  }

  remove(id: string): boolean {
    const doc = this.docs.get(id);
    if (!doc) return false;
    for (const term of doc.terms.keys()) {
      const list = this.postings.get(term);
      list?.delete(id);
      if (list?.size === 0) this.postings.delete(term);
    }
    this.totalLength -= doc.length;
    this.docs.delete(id);
    return true;
  }

  idf(term: string): number {
    const n = this.docs.size;
    const df = this.postings.get(term)?.size ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Every matching document's score, and the ceiling that makes `coverage`. */
  scoreAll(queryTokens: readonly string[]): { scores: Map<string, number>; ceiling: number } {
    const scores = new Map<string, number>();
    const avgLength = this.totalLength / Math.max(1, this.docs.size) || 1;
    let ceiling = 0;
    for (const term of new Set(queryTokens)) {
      const list = this.postings.get(term);
      if (list && isTooCommon(list.size, this.docs.size)) continue;
      const idf = this.idf(term);
      ceiling += idf * (this.k1 + 1);
      if (!list) continue;
      for (const [id, tf] of list) {
        const norm = this.k1 * (1 - this.b + (this.b * this.docs.get(id)!.length) / avgLength);
        scores.set(id, (scores.get(id) ?? 0) + (idf * tf * (this.k1 + 1)) / (tf + norm));
      }
    }
    return { scores, ceiling };
  }

  /** Scores of the given documents only: O(query × ids), for re-ranking a short list. */
  scoreDocs(queryTokens: readonly string[], ids: Iterable<string>): { scores: Map<string, number>; ceiling: number } {
    const avgLength = this.totalLength / Math.max(1, this.docs.size) || 1;
    const terms = [...new Set(queryTokens)].filter((t) => !isTooCommon(this.postings.get(t)?.size ?? 0, this.docs.size));
    const idfs = terms.map((t) => this.idf(t));
    const scores = new Map<string, number>();
    for (const id of ids) {
      const doc = this.docs.get(id);
      if (!doc) continue;
      const norm = this.k1 * (1 - this.b + (this.b * doc.length) / avgLength);
      let score = 0;
      terms.forEach((term, i) => {
        const tf = doc.terms.get(term);
        if (tf) score += (idfs[i]! * tf * (this.k1 + 1)) / (tf + norm);
      });
      if (score > 0) scores.set(id, score);
    }
    return { scores, ceiling: idfs.reduce((sum, idf) => sum + idf * (this.k1 + 1), 0) };
  }

  search(query: string | readonly string[], k = 10): Bm25Hit[] {
    const { scores, ceiling } = this.scoreAll(typeof query === 'string' ? tokenize(query) : query);
    return topK(scores, k).map(([id, score]) => ({ id, score, coverage: ceiling > 0 ? Math.min(1, score / ceiling) : 0 }));
  }
}

/** The k largest entries, best first, ties by id; one pass, since k is small and maps are large. */
export function topK(scores: ReadonlyMap<string, number>, k: number): Array<[string, number]> {
  const best: Array<[string, number]> = [];
  const before = (a: [string, number], b: [string, number]) => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
  for (const entry of scores) {
    if (best.length === k && !before(entry, best[k - 1]!)) continue;
    let i = best.length === k ? k - 1 : best.length;
    while (i > 0 && before(entry, best[i - 1]!)) i--;
    best.splice(i, 0, entry);
    if (best.length > k) best.pop();
  }
  return best;
}
