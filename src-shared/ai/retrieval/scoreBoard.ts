import { grown } from './postings.js';

/**
 * Scores per slot for one query: a dense array plus the list of slots touched,
 * reused from query to query so scoring allocates nothing. Valid until the
 * owner's next query: read it (or copy the few entries needed) before that.
 * Every score written is > 0, so 0 means "not touched".
 */
export class ScoreBoard {
  values = new Float64Array(64);
  touched = new Int32Array(64);
  count = 0;

  clear(): void {
    for (let i = 0; i < this.count; i++) this.values[this.touched[i]!] = 0;
    this.count = 0;
  }

  get(slot: number): number {
    return slot < this.values.length ? this.values[slot]! : 0;
  }

  add(slot: number, score: number): void {
    if (slot >= this.values.length) this.values = grown(this.values, slot + 1);
    if (this.values[slot] === 0) this.touch(slot);
    this.values[slot] = this.values[slot]! + score;
  }

  max(slot: number, score: number): void {
    if (slot >= this.values.length) this.values = grown(this.values, slot + 1);
    const before = this.values[slot]!;
    if (before === 0) this.touch(slot);
    if (score > before) this.values[slot] = score;
  }

  /** The k best slots' ids and scores, best first, ties by id (as `topK` over a Map). */
  top(k: number, idOf: (slot: number) => string): Array<[string, number]> {
    const best: Array<[string, number]> = [];
    if (k <= 0) return best;
    const before = (id: string, score: number, than: [string, number]) => score > than[1] || (score === than[1] && id < than[0]);
    for (let t = 0; t < this.count; t++) {
      const slot = this.touched[t]!;
      const score = this.values[slot]!;
      // Most slots lose to the k-th best on score alone: no id lookup for them.
      if (best.length === k && score < best[k - 1]![1]) continue;
      const id = idOf(slot);
      if (best.length === k && !before(id, score, best[k - 1]!)) continue;
      let i = best.length === k ? k - 1 : best.length;
      while (i > 0 && before(id, score, best[i - 1]!)) i--;
      best.splice(i, 0, [id, score]);
      if (best.length > k) best.pop();
    }
    return best;
  }

  private touch(slot: number): void {
    if (this.count === this.touched.length) this.touched = grown(this.touched, this.count + 1);
    this.touched[this.count++] = slot;
  }
}
