/**
 * One term's postings: (slot, weight) pairs in two parallel number arrays (V8
 * keeps them unboxed: small ints and doubles). Scoring walks them as flat memory,
 * without the hashing and boxed entries of a Map per term, which was most of a
 * 10k-article query's time and garbage. Order is not kept: a removal moves the
 * last pair into the gap.
 */
export class PostingList {
  readonly slots: number[] = [];
  readonly weights: number[] = [];

  get length(): number {
    return this.slots.length;
  }

  push(slot: number, weight: number): void {
    this.slots.push(slot);
    this.weights.push(weight);
  }

  /** Where `slot` sits, searching from the end: the slot added last is the one most often looked for. */
  indexOf(slot: number): number {
    return this.slots.lastIndexOf(slot);
  }

  removeAt(i: number): void {
    const slot = this.slots.pop()!;
    const weight = this.weights.pop()!;
    if (i < this.slots.length) {
      this.slots[i] = slot;
      this.weights[i] = weight;
    }
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

/** A typed array that grows (doubling) to hold `length` entries, keeping what it holds. */
export function grown<T extends Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer>>(array: T, length: number): T {
  if (length <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(length, array.length * 2));
  next.set(array);
  return next;
}

/**
 * Term → integer id, assigned on first sight and never reused. A token is hashed
 * once per document; everything after that (tallies, postings) is array indexing.
 */
export class TermIds {
  private readonly ids = new Map<string, number>();

  get(term: string): number | undefined {
    return this.ids.get(term);
  }

  of(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) this.ids.set(term, (id = this.ids.size));
    return id;
  }
}
