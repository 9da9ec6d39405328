import { isTooCommon } from './bm25.js';

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

interface Label {
  slot: number;
  counts: Map<string, number>;
  total: number;
}

/** Laplace smoothing: unseen words cost the same for every label. */
const ALPHA = 0.1;
const LOG_ALPHA = Math.log(ALPHA);

export class NaiveBayesIntents {
  private readonly labels = new Map<string, Label>();
  /** slot → label, for array-speed scoring over thousands of labels; freed slots are reused. */
  private readonly slots: Array<Label & { name: string } | undefined> = [];
  private readonly freeSlots: number[] = [];
  /** term → label slot → count: a query touches only the labels that share its words. */
  private readonly byTerm = new Map<string, Map<number, number>>();

  constructor(private readonly temperature = 3) {}

  get size(): number {
    return this.labels.size;
  }

  /** Adds one example to a label (creating it). */
  learn(label: string, tokens: readonly string[]): void {
    let entry = this.labels.get(label);
    if (!entry) {
      const slot = this.freeSlots.pop() ?? this.slots.length;
      const created = { slot, counts: new Map<string, number>(), total: 0, name: label };
      this.slots[slot] = created;
      this.labels.set(label, (entry = created));
    }
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [term, n] of tf) {
      const weight = 1 + Math.log(n);
      entry.counts.set(term, (entry.counts.get(term) ?? 0) + weight);
      entry.total += weight;
      let perLabel = this.byTerm.get(term);
      if (!perLabel) this.byTerm.set(term, (perLabel = new Map()));
      perLabel.set(entry.slot, (perLabel.get(entry.slot) ?? 0) + weight);
    }
  }

  forget(label: string): boolean {
    const entry = this.labels.get(label);
    if (!entry) return false;
    for (const term of entry.counts.keys()) {
      const perLabel = this.byTerm.get(term)!;
      perLabel.delete(entry.slot);
      if (perLabel.size === 0) this.byTerm.delete(term);
    }
    this.slots[entry.slot] = undefined;
    this.freeSlots.push(entry.slot);
    return this.labels.delete(label);
  }

  /**
   * Posterior probabilities (softmax of log-likelihoods / temperature) over all
   * labels, returned for the labels that share a word with the query: the others
   * all sit at the same small floor.
   */
  posteriors(queryTokens: readonly string[]): Map<string, number> {
    // Words most labels share cannot tell labels apart, and cost the most.
    const known = queryTokens.filter((t) => this.byTerm.has(t) && !isTooCommon(this.byTerm.get(t)!.size, this.labels.size));
    const out = new Map<string, number>();
    if (known.length === 0) return out;
    const logs = new Float64Array(this.slots.length);
        const vocabulary = this.byTerm.size;
    for (let i = 0; i < this.slots.length; i++) {
      const label = this.slots[i];
      logs[i] = label ? known.length * (LOG_ALPHA - Math.log(label.total + ALPHA * vocabulary)) : -Infinity;
    }
    const touched = new Set<number>();
    for (const term of known) {
      for (const [slot, n] of this.byTerm.get(term)!) {
        logs[slot] = logs[slot]! + Math.log(n + ALPHA) - LOG_ALPHA;
        touched.add(slot);
      }
    }
    let max = -Infinity;
    for (const v of logs) if (v > max) max = v;
    let sum = 0;
    for (const v of logs) if (v !== -Infinity) sum += Math.exp((v - max) / this.temperature);
    for (const slot of touched) out.set(this.slots[slot]!.name, Math.exp((logs[slot]! - max) / this.temperature) / sum);
    return out;
  }
}
