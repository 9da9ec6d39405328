// First: Dexie reads the IndexedDB globals when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ingestBatch } from './ingest.js';
import type { WorkstationDb } from './schema.js';
import { startSearchIndexer } from './searchIndexerLoop.js';
import { indexDifferences } from './searchTesting.js';
import { created, freshDb } from './testing.js';

let db: WorkstationDb;
let stop = () => {};
afterEach(async () => {
  stop();
  await db?.delete();
});

describe('startSearchIndexer', () => {
  it('indexes what ingest stores, without being asked, until the backlog is empty', async () => {
    db = freshDb();
    stop = startSearchIndexer(db, { budgetMs: 5 }).stop;
    for (let b = 0; b < 5; b++) {
      await ingestBatch(db, 'shop-a', Array.from({ length: 150 }, (_, i) => created(b * 150 + i + 1, { id: `m${b}-${i}`, text: `refund ${i}`, createdAt: b * 150 + i })));
    }
    await vi.waitFor(async () => expect(await db.searchBacklog.count()).toBe(0), { timeout: 5_000, interval: 20 });
    expect(await indexDifferences(db)).toEqual([]);
  });
});
