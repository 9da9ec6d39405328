import type { Message } from '../../src-shared/index.js';
import type { WorkstationDb } from './schema.js';
import { blockOf, type PostingBlock } from './searchIndex.js';
import { bumpRemovals } from './searchState.js';
import { termsOf } from './searchText.js';

/** The search tables a transaction that removes messages or conversations must include. */
export const searchTablesOf = (db: WorkstationDb) => [db.searchPostings, db.searchChunks, db.searchCustomers, db.searchState];

/**
 * Removes the search rows of messages and conversations being removed; call in the
 * transaction that deletes them (with searchTablesOf in its scope). A message's postings
 * sit in its chunk's blocks, whose keys follow from the chunk row and the message's
 * terms: point reads, no scan. Messages still in the backlog need nothing: the indexer
 * skips ids whose message is gone, and the bumped counter makes a step that read them
 * before this transaction start again.
 */
export async function unindexRemoved(db: WorkstationDb, messages: readonly Message[], conversationIds: readonly string[]): Promise<void> {
  await bumpRemovals(db.searchState);
  if (conversationIds.length > 0) await db.searchCustomers.where('conversationId').anyOf(conversationIds).delete();
  if (messages.length === 0) return;
  const gone = new Map(messages.map((m) => [m.id, m]));
  const chunks = await db.searchChunks.where('ids').anyOf([...gone.keys()]).distinct().toArray();
  for (const chunk of chunks) {
    const removed = new Set(chunk.ids.filter((id) => gone.has(id)));
    const terms = new Set<string>();
    for (const id of removed) for (const term of termsOf(gone.get(id)!.text)) terms.add(term);
    const keys = [...terms].map((term): [string, number, string] => [term, chunk.at, blockOf(chunk.seq)]);
    const rows = await db.searchPostings.bulkGet(keys);
    const kept: PostingBlock[] = [];
    const emptied: [string, number, string][] = [];
    rows.forEach((row, i) => {
      if (!row) return;
      const left = row.ids.flatMap((id, j) => (removed.has(id) ? [] : [j]));
      if (left.length === 0) emptied.push(keys[i]!);
      else kept.push({ ...row, ids: left.map((j) => row.ids[j]!), times: left.map((j) => row.times[j]!) });
    });
    await db.searchPostings.bulkPut(kept);
    await db.searchPostings.bulkDelete(emptied);
    const rest = chunk.ids.filter((id) => !removed.has(id));
    if (rest.length > 0) await db.searchChunks.put({ ...chunk, ids: rest });
    else await db.searchChunks.delete(chunk.seq);
  }
}
