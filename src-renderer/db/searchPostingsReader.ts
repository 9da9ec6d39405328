import { Dexie, type Table } from 'dexie';
import { POSTINGS_STORE, type PostingBlock } from './searchIndex.js';

export interface Posting {
  id: string;
  at: number;
}

/** Reads one term's postings blocks newest first, a page at a time. */
export class PostingsReader {
  readonly ids = new Set<string>();
  done = false;
  /** No unread block holds a posting newer than this. */
  floor = Infinity;
  private upper: [string, number, string];

  constructor(
    private readonly table: Table<PostingBlock>,
    readonly term: string,
  ) {
    this.upper = [term, Infinity, Dexie.maxKey as unknown as string];
  }

  count(): Promise<number> {
    return this.range(true).count();
  }

  /** The postings of the next `blocks` blocks. */
  async next(blocks: number): Promise<Posting[]> {
    if (this.done) return [];
    const rows = await this.range(this.floor === Infinity).reverse().limit(blocks).toArray();
    if (rows.length < blocks) this.done = true;
    const last = rows.at(-1);
    if (last) this.upper = [last.term, last.at, last.block];
    this.floor = this.done ? -Infinity : (last?.at ?? -Infinity);
    const out: Posting[] = [];
    for (const row of rows) row.ids.forEach((id, i) => out.push({ id, at: row.times[i]! }));
    for (const p of out) this.ids.add(p.id);
    return out;
  }

  /** Reads until every posting at or after `at` is in `ids`. */
  async readDownTo(at: number): Promise<void> {
    while (!this.done && this.floor >= at) await this.next(64);
  }

  private range(includeUpper: boolean) {
    return this.table.where(POSTINGS_STORE).between([this.term, -Infinity, Dexie.minKey], this.upper, true, includeUpper);
  }
}
