import type { Table } from 'dexie';

/**
 * Messages stored but not yet indexed, in arrival order: ingest adds a row per chunk of
 * new message ids in the transaction that stores them (cheap: no terms, no postings),
 * and the background indexer deletes rows in the transaction that writes their postings.
 * The lowest remaining key is therefore the indexer's persisted cursor: a crash leaves
 * either the rows (indexed again from scratch, nothing written) or the postings.
 */
export interface BacklogRow {
  /** Auto-increment: arrival order, never reused. */
  seq?: number;
  ids: string[];
}
export const BACKLOG_STORE = '++seq';

/** Ids per backlog row (the indexer takes whole rows). */
export const BACKLOG_ROW_IDS = 100;

/** Queues message ids for the indexer; call inside the transaction that stores the messages. */
export async function queueForIndexing(backlog: Table<BacklogRow, number>, ids: readonly string[]): Promise<void> {
  const rows: BacklogRow[] = [];
  for (let i = 0; i < ids.length; i += BACKLOG_ROW_IDS) rows.push({ ids: ids.slice(i, i + BACKLOG_ROW_IDS) });
  if (rows.length > 0) await backlog.bulkAdd(rows);
}

/** The unindexed tail a search scans itself, newest rows first; `more`: ids in older rows left out (at most). */
export async function readTail(backlog: Table<BacklogRow, number>, maxIds: number): Promise<{ ids: string[]; more: number }> {
  const ids: string[] = [];
  let rows = 0;
  let full = false;
  await backlog
    .reverse()
    .until((row) => (full = ids.length + row.ids.length > maxIds))
    .each((row) => {
      ids.push(...row.ids);
      rows++;
    });
  // One read when the tail fits (the usual case); counting the rest costs a second one.
  // Rows left unread hold at most BACKLOG_ROW_IDS each: an upper bound, said as "up to".
  return { ids, more: full ? ((await backlog.count()) - rows) * BACKLOG_ROW_IDS : 0 };
}
