import type { Table } from 'dexie';

/** Small named counters of the search index. */
export interface SearchStateRow {
  key: 'removals';
  value: number;
}
export const SEARCH_STATE_STORE = 'key';

/**
 * Bumped by every transaction that removes messages (eviction, a forgotten account).
 * The indexer reads messages in one transaction and writes their postings in another;
 * if this moved in between, a message it read may be gone, so it reads again.
 */
export async function readRemovals(state: Table<SearchStateRow, string>): Promise<number> {
  return (await state.get('removals'))?.value ?? 0;
}

export async function bumpRemovals(state: Table<SearchStateRow, string>): Promise<void> {
  await state.put({ key: 'removals', value: (await readRemovals(state)) + 1 });
}
