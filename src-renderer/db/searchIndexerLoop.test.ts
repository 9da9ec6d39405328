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

  it('keeps indexing, a step at a time, while writes never stop', async () => {
    db = freshDb();
    stop = startSearchIndexer(db, { budgetMs: 5, quietMs: 50, busyEveryMs: 100 }).stop;
    let indexedWhileBusy = 0;
    for (let b = 0; b < 40; b++) {
      await ingestBatch(db, 'shop-a', Array.from({ length: 10 }, (_, i) => created(b * 10 + i + 1, { id: `s${b}-${i}`, text: `order ${i}`, createdAt: b * 10 + i })));
      indexedWhileBusy = Math.max(indexedWhileBusy, await db.searchChunks.count());
      await new Promise((r) => setTimeout(r, 20));
    }
    // Never quiet for 50 ms, yet steps ran (every ~100 ms): the index does not wait for the stream to end.
    expect(indexedWhileBusy).toBeGreaterThan(0);
    await vi.waitFor(async () => expect(await db.searchBacklog.count()).toBe(0), { timeout: 5_000, interval: 20 });
    expect(await indexDifferences(db)).toEqual([]);
  });
});
