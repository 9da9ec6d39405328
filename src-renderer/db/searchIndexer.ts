import type { Message } from '../../src-shared/index.js';
import type { WorkstationDb } from './schema.js';
import type { BacklogRow } from './searchBacklog.js';
import { blockOf, chunkAt, postingsOf } from './searchIndex.js';
import { readRemovals } from './searchState.js';
import { inSlices } from './yieldToMain.js';

export interface IndexStep {
  /** Messages whose postings this step wrote (queued messages since removed are skipped). */
  indexed: number;
  /** Backlog rows consumed; 0 with `conflict` false: nothing left to index. */
  rows: number;
  /** The backlog or the messages changed under this step (another tab's indexer, an eviction): nothing was written; run it again. */
  conflict: boolean;
}

/**
 * Messages per step: bigger chunks write fewer postings rows per message (one per
 * distinct term per chunk). The chunk's term work yields every few ms (it took 50–80 ms
 * in one piece on a busy machine), and one bulkPut's clone stays well under a 50 ms task.
 */
export const STEP_MESSAGES = 500;
const PUT_CHUNK = 500;

/** What a step read: the backlog rows it takes, their messages, the removal counter at that moment. */
export interface ChunkRead {
  keys: number[];
  messages: Message[];
  removals: number;
}

/**
 * Indexes the oldest backlog rows (about `maxMessages` messages) as one chunk. Reads in a
 * read-only transaction (ingest is not blocked by the term work), computes the postings
 * outside any transaction, then writes them, the chunk row and the deletion of the
 * backlog rows in ONE transaction: the cursor moves exactly with the postings it covers.
 */
export async function indexNextChunk(db: WorkstationDb, maxMessages = STEP_MESSAGES): Promise<IndexStep> {
  const read = await readNextChunk(db, maxMessages);
  return read ? writeChunk(db, read) : { indexed: 0, rows: 0, conflict: false };
}

/** The oldest backlog rows, at least one, until `maxMessages` ids; null when the backlog is empty. */
export function readNextChunk(db: WorkstationDb, maxMessages = STEP_MESSAGES): Promise<ChunkRead | null> {
  return db.transaction('r', [db.searchBacklog, db.messages, db.searchState], async () => {
    const rows: BacklogRow[] = [];
    let n = 0;
    await db.searchBacklog
      .toCollection()
      .until(() => n >= maxMessages)
      .each((row) => {
        rows.push(row);
        n += row.ids.length;
      });
    if (rows.length === 0) return null;
    const messages = await db.messages.bulkGet(rows.flatMap((r) => r.ids));
    return { keys: rows.map((r) => r.seq!), removals: await readRemovals(db.searchState), messages: messages.filter((m): m is Message => m !== undefined) };
  });
}

/**
 * Writes a chunk's postings and consumes its backlog rows. If the rows were taken by
 * another indexer or messages were removed since the read, nothing is written (never
 * indexed twice, never a posting for a removed message): `conflict`, read again.
 */
export async function writeChunk(db: WorkstationDb, read: ChunkRead): Promise<IndexStep> {
  const seq = read.keys[0]!;
  const at = chunkAt(read.messages);
  // Outside the transaction: yielding inside one would let IndexedDB commit it.
  const postings = postingsOf(blockOf(seq), at);
  await inSlices(read.messages, postings.add);
  const blocks = postings.blocks();
  return db.transaction('rw', [db.searchBacklog, db.searchPostings, db.searchChunks, db.searchState], async () => {
    const still = await db.searchBacklog.bulkGet(read.keys);
    if (still.includes(undefined) || (await readRemovals(db.searchState)) !== read.removals) return { indexed: 0, rows: 0, conflict: true };
    for (let i = 0; i < blocks.length; i += PUT_CHUNK) await db.searchPostings.bulkPut(blocks.slice(i, i + PUT_CHUNK));
    if (read.messages.length > 0) await db.searchChunks.put({ seq, at, ids: read.messages.map((m) => m.id) });
    await db.searchBacklog.bulkDelete(read.keys);
    return { indexed: read.messages.length, rows: read.keys.length, conflict: false };
  });
}

/** Indexes the whole backlog now (tests, benchmarks); returns how many messages it indexed. */
export async function drainSearchIndex(db: WorkstationDb, maxMessages = STEP_MESSAGES): Promise<number> {
  let total = 0;
  for (;;) {
    const step = await indexNextChunk(db, maxMessages);
    total += step.indexed;
    if (step.rows === 0 && !step.conflict) return total;
  }
}
