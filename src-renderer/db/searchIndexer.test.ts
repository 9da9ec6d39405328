// First: Dexie reads the IndexedDB globals when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { evictResolved } from './evict.js';
import { ingestBatch } from './ingest.js';
import { WorkstationDb } from './schema.js';
import { drainSearchIndex, indexNextChunk, readNextChunk, writeChunk } from './searchIndexer.js';
import { searchMessages } from './searchMessages.js';
import { parseQuery } from './searchQuery.js';
import { indexDifferences } from './searchTesting.js';
import { created, upsert } from './testing.js';

const dbs: WorkstationDb[] = [];
const open = (name: string) => {
  const db = new WorkstationDb(name);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** `batches` ingest batches of `per` messages each, texts 'refund n' and 'parcel n'. */
async function ingestSome(db: WorkstationDb, batches: number, per: number) {
  let seq = 0;
  for (let b = 0; b < batches; b++) {
    const events = Array.from({ length: per }, (_, i) => {
      const n = b * per + i;
      return created(++seq, { id: `m${n}`, conversationId: `c${n % 3}`, text: `${n % 2 ? 'refund' : 'parcel'} n${n}`, createdAt: 1_000 + n });
    });
    await ingestBatch(db, 'shop-a', events);
  }
}

describe('search indexer', () => {
  it('ingest only queues; each step indexes the oldest backlog rows and consumes them with its postings', async () => {
    const db = open(`ix-${crypto.randomUUID()}`);
    await ingestSome(db, 3, 4);
    expect(await db.searchPostings.count()).toBe(0);
    expect((await db.searchBacklog.toArray()).map((r) => r.ids)).toEqual([
      ['m0', 'm1', 'm2', 'm3'],
      ['m4', 'm5', 'm6', 'm7'],
      ['m8', 'm9', 'm10', 'm11'],
    ]);
    expect(await indexNextChunk(db, 5)).toEqual({ indexed: 8, rows: 2, conflict: false });
    expect((await db.searchBacklog.toArray()).map((r) => r.ids[0])).toEqual(['m8']);
    expect((await db.searchChunks.toArray()).map((c) => [c.seq, c.at, c.ids.length])).toEqual([[1, 1_007, 8]]);
    expect(await indexNextChunk(db)).toEqual({ indexed: 4, rows: 1, conflict: false });
    expect(await indexNextChunk(db)).toEqual({ indexed: 0, rows: 0, conflict: false });
    expect(await indexDifferences(db)).toEqual([]);
  });

  it('a step that fails mid-write leaves its rows queued and writes nothing; after a restart it resumes', async () => {
    const name = `ix-${crypto.randomUUID()}`;
    const db = open(name);
    await ingestSome(db, 4, 3);
    await indexNextChunk(db, 3);
    const { bulkDelete } = db.searchBacklog;
    db.searchBacklog.bulkDelete = (() => Promise.reject(new Error('crash before the cursor moved'))) as unknown as typeof bulkDelete;
    await expect(indexNextChunk(db, 3)).rejects.toThrow('crash');
    db.searchBacklog.bulkDelete = bulkDelete;
    expect(await db.searchChunks.count()).toBe(1);
    expect(await db.searchBacklog.count()).toBe(3);
    db.close();

    const restarted = open(name);
    expect(await drainSearchIndex(restarted, 3)).toBe(9);
    expect(await indexDifferences(restarted)).toEqual([]);
  });

  it('two indexers on one database (two tabs) never index a message twice', async () => {
    const name = `ix-${crypto.randomUUID()}`;
    const a = open(name);
    const b = open(name);
    await ingestSome(a, 20, 5);
    const [byA, byB] = await Promise.all([drainSearchIndex(a, 7), drainSearchIndex(b, 7)]);
    expect(byA + byB).toBe(100);
    expect(await indexDifferences(a)).toEqual([]);
  });

  it('writes nothing when its rows were taken meanwhile', async () => {
    const db = open(`ix-${crypto.randomUUID()}`);
    await ingestSome(db, 1, 2);
    const read = (await readNextChunk(db))!;
    expect(await writeChunk(db, read)).toMatchObject({ indexed: 2 });
    expect(await writeChunk(db, read)).toEqual({ indexed: 0, rows: 0, conflict: true });
    expect(await indexDifferences(db)).toEqual([]);
  });

  it('reads again when messages were removed between its read and its write', async () => {
    const db = open(`ix-${crypto.randomUUID()}`);
    await ingestBatch(db, 'shop-a', [upsert(1, { id: 'c1', status: 'resolved' }), created(2, { id: 'gone', conversationId: 'c1', text: 'refund' }), upsert(3, { id: 'c2' }), created(4, { id: 'kept', conversationId: 'c2', text: 'refund' })]);
    const read = (await readNextChunk(db))!;
    expect(read.messages.map((m) => m.id)).toEqual(['gone', 'kept']);
    await evictResolved(db);
    expect(await writeChunk(db, read)).toEqual({ indexed: 0, rows: 0, conflict: true });
    expect(await drainSearchIndex(db)).toBe(1);
    expect(await indexDifferences(db)).toEqual([]);
    expect((await searchMessages(db, parseQuery('refund'))).map((m) => m.id)).toEqual(['kept']);
  });
});
