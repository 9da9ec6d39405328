/**
 * One term's postings: (slot, weight) pairs in two growable typed arrays. Scoring
 * walks them as flat memory, without the hashing and boxed entries of a Map per
 * term, which was most of a 10k-article query's time and garbage.
 * Order is not kept: a removal moves the last pair into the gap.
 */
export class PostingList {
  slots = new Int32Array(4);
  weights = new Float64Array(4);
  length = 0;

  push(slot: number, weight: number): void {
    if (this.length === this.slots.length) {
      const slots = new Int32Array(this.length * 2);
      const weights = new Float64Array(this.length * 2);
      slots.set(this.slots);
      weights.set(this.weights);
      this.slots = slots;
      this.weights = weights;
    }
    this.slots[this.length] = slot;
    this.weights[this.length] = weight;
    this.length++;
  }

  /** Where `slot` sits, searching from the end: the slot added last is the one most often looked for. */
  indexOf(slot: number): number {
    for (let i = this.length - 1; i >= 0; i--) if (this.slots[i] === slot) return i;
    return -1;
  }

  removeAt(i: number): void {
    const last = --this.length;
    this.slots[i] = this.slots[last]!;
    this.weights[i] = this.weights[last]!;
  }
}

/** Integer slots for string ids, freed slots reused, so per-slot arrays stay dense. */
export class Slots {
  private readonly byId = new Map<string, number>();
  private readonly ids: Array<string | undefined> = [];
  private readonly free: number[] = [];

  get size(): number {
    return this.byId.size;
  }

  /** Highest slot + 1: the length per-slot arrays need. */
  get capacity(): number {
    return this.ids.length;
  }

  of(id: string): number | undefined {
    return this.byId.get(id);
  }

  idOf(slot: number): string {
    return this.ids[slot]!;
  }

  take(id: string): number {
    const slot = this.free.pop() ?? this.ids.length;
    this.ids[slot] = id;
    this.byId.set(id, slot);
    return slot;
  }

  release(id: string): number | undefined {
    const slot = this.byId.get(id);
    if (slot === undefined) return undefined;
    this.byId.delete(id);
    this.ids[slot] = undefined;
    this.free.push(slot);
    return slot;
  }
}

/** A Float64Array that grows to hold `length` entries, keeping what it holds. */
export function grown(array: Float64Array<ArrayBuffer>, length: number): Float64Array<ArrayBuffer> {
  if (length <= array.length) return array;
  const next = new Float64Array(Math.max(length, array.length * 2));
  next.set(array);
  return next;
}
