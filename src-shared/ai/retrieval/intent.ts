import { isTooCommon } from './bm25.js';
import { PostingList, Slots, TermIds, grown } from './postings.js';
import { ScoreBoard } from './scoreBoard.js';

/**
 * The intent model: multinomial naive Bayes over the same tokens BM25 sees, one
 * class per article, trained on its example questions (and title).
 *
 * Why naive Bayes and not logistic regression: its "training" is counting, so an
 * edited article updates the model in O(its words) with no iterations, it works
 * from one example per class, and on short FAQ questions it is close to a linear
 * model. Two well-known fixes (Rennie et al. 2003) keep it honest: counts are
 * sublinear (log 1+tf, a repeated word is not new evidence) and the prior is
 * uniform (how many examples a writer gave an article says nothing about how
 * often customers ask it).
 */
export interface IntentScore {
  label: string;
  /** Posterior over all labels, tempered: NB alone is overconfident. */
  probability: number;
}

/** Laplace smoothing: unseen words cost the same for every label. */
const ALPHA = 0.1;
const LOG_ALPHA = Math.log(ALPHA);

export class NaiveBayesIntents {
  private readonly labels = new Slots();
  /** label slot → its term ids' counts (sublinear), and their sum. */
  private readonly counts: Array<Map<number, number> | undefined> = [];
  private totals = new Float64Array(64);
  /** term id → (label slot, count): a query touches only the labels that share its words. */
  private readonly byTerm: PostingList[] = [];
  /** How many terms some label has: the vocabulary of the smoothing. */
  private vocabulary = 0;
  private readonly board = new ScoreBoard();
  /** Term id → count while one example is learned. */
  private readonly tally = new ScoreBoard();
  /** What every query needs of every label, kept until the model changes (see `floor`). */
  private cache: { unseen: Float64Array; best: number; sums: Map<number, number> } | null = null;

  /** `termIds` may be shared with indexes over the same texts (see Bm25Options). */
  constructor(
    private readonly temperature = 3,
    readonly termIds = new TermIds(),
  ) {}

  get size(): number {
    return this.labels.size;
  }

  readonly nameOf = (slot: number): string => this.labels.idOf(slot);

  slotOf(label: string): number | undefined {
    return this.labels.of(label);
  }

  /** Adds one example to a label (creating it). */
  learn(label: string, tokens: readonly string[]): void {
    this.learnTerms(label, tokens.map((t) => this.termIds.of(t)));
  }

  /** `learn` with the tokens already ids of `termIds`. */
  learnTerms(label: string, terms: ArrayLike<number>): void {
    this.cache = null;
    let slot = this.labels.of(label);
    if (slot === undefined) {
      slot = this.labels.take(label);
      this.counts[slot] = new Map();
      this.totals = grown(this.totals, slot + 1);
      this.totals[slot] = 0;
    }
    const counts = this.counts[slot]!;
    const { tally } = this;
    tally.clear();
    for (let i = 0; i < terms.length; i++) tally.add(terms[i]!, 1);
    for (let i = 0; i < tally.count; i++) {
      const term = tally.touched[i]!;
      const weight = 1 + Math.log(tally.values[term]!);
      const before = counts.get(term);
      counts.set(term, (before ?? 0) + weight);
      this.totals[slot] = this.totals[slot]! + weight;
      const list = (this.byTerm[term] ??= new PostingList());
      if (before !== undefined) {
        const at = list.indexOf(slot);
        list.weights[at] = list.weights[at]! + weight;
        continue;
      }
      if (list.length === 0) this.vocabulary++;
      list.push(slot, weight);
    }
  }

  forget(label: string): boolean {
    const slot = this.labels.release(label);
    if (slot === undefined) return false;
    this.cache = null;
    this.counts[slot]!.forEach((_, term) => {
      const list = this.byTerm[term]!;
      list.removeAt(list.indexOf(slot));
      if (list.length === 0) this.vocabulary--;
    });
    this.counts[slot] = undefined;
    return true;
  }

  /**
   * Posterior probabilities (softmax of log-likelihoods / temperature) over all
   * labels, returned for the labels that share a word with the query: the others
   * all sit at the same small floor.
   */
  posteriors(queryTokens: readonly string[]): Map<string, number> {
    const board = this.posteriorSlots(queryTokens);
    const out = new Map<string, number>();
    for (let i = 0; i < board.count; i++) out.set(this.nameOf(board.touched[i]!), board.values[board.touched[i]!]!);
    return out;
  }

  /** `posteriors` by label slot on this model's own board (overwritten by the next call; names by `nameOf`). */
  posteriorSlots(queryTokens: readonly string[]): ScoreBoard {
    const { board, temperature } = this;
    board.clear();
    // Words most labels share cannot tell labels apart, and cost the most.
    const known: PostingList[] = [];
    for (const t of queryTokens) {
      const term = this.termIds.get(t);
      const list = term === undefined ? undefined : this.byTerm[term];
      if (list && list.length > 0 && !isTooCommon(list.length, this.size)) known.push(list);
    }
    if (known.length === 0) return board;
    const { unseen, best } = this.floor();
    // Log-likelihood of touched labels above their all-unseen floor (always > 0: a count beats ALPHA).
    for (const { slots, weights, length } of known) {
      for (let i = 0; i < length; i++) board.add(slots[i]!, Math.log(weights[i]! + ALPHA) - LOG_ALPHA);
    }
    const n = known.length;
    let max = n * best;
    for (let i = 0; i < board.count; i++) {
      const slot = board.touched[i]!;
      max = Math.max(max, n * unseen[slot]! + board.values[slot]!);
    }
    // Softmax denominator: every label at its floor (one cached sum per query length), then
    // what the touched labels add above theirs.
    let sum = this.floorSum(n) * Math.exp((n * best - max) / temperature);
    for (let i = 0; i < board.count; i++) {
      const slot = board.touched[i]!;
      const floor = n * unseen[slot]!;
      sum += Math.exp((floor + board.values[slot]! - max) / temperature) - Math.exp((floor - max) / temperature);
    }
    for (let i = 0; i < board.count; i++) {
      const slot = board.touched[i]!;
      board.values[slot] = Math.exp((n * unseen[slot]! + board.values[slot]! - max) / temperature) / sum;
    }
    return board;
  }

  /** Per label, the log-probability of a word it has never seen; and the highest of them. */
  private floor(): { unseen: Float64Array; best: number; sums: Map<number, number> } {
    if (this.cache) return this.cache;
    const { vocabulary } = this;
    const unseen = new Float64Array(this.labels.capacity).fill(-Infinity);
    let best = -Infinity;
    for (let slot = 0; slot < unseen.length; slot++) {
      if (!this.counts[slot]) continue;
      unseen[slot] = LOG_ALPHA - Math.log(this.totals[slot]! + ALPHA * vocabulary);
      best = Math.max(best, unseen[slot]!);
    }
    return (this.cache = { unseen, best, sums: new Map() });
  }

  /** Σ over labels of exp(n·(unseen − best) / T): the softmax denominator when no word matches. */
  private floorSum(n: number): number {
    const { unseen, best, sums } = this.floor();
    let sum = sums.get(n);
    if (sum === undefined) {
      sum = 0;
      for (const u of unseen) if (u !== -Infinity) sum += Math.exp((n * (u - best)) / this.temperature);
      sums.set(n, sum);
    }
    return sum;
  }
}
