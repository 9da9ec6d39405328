// First: Dexie reads the IndexedDB globals when it loads.
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkstationDb } from './schema.js';
import { freshDb, message } from './testing.js';

/**
 * patches/dexie+4.4.7.patch: a live query no longer keeps every key written since its
 * last run (the soak's renderer heap grew by them). What it must still do: see a write
 * it depends on after any number of writes it does not, including writes made while it runs.
 */
let db: WorkstationDb;
afterEach(async () => db?.delete());

const nextValue = <T>(values: T[], n: number) =>
  new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const poll = () => (values.length >= n ? resolve() : Date.now() - started > 3_000 ? reject(new Error(`only ${values.length} values`)) : setTimeout(poll, 5));
    poll();
  });

describe('liveQuery (patched)', () => {
  it('re-runs on a write it depends on after many it does not', async () => {
    db = freshDb();
    await db.open();
    const seen: Array<string | undefined> = [];
    const sub = liveQuery(() => db.messages.get('watched')).subscribe((m) => seen.push(m?.text));
    try {
      await nextValue(seen, 1);
      for (let i = 0; i < 50; i++) await db.messages.put(message({ id: `other-${i}` }));
      expect(seen).toEqual([undefined]);
      await db.messages.put(message({ id: 'watched', text: 'now' }));
      await nextValue(seen, 2);
      expect(seen.at(-1)).toBe('now');
    } finally {
      sub.unsubscribe();
    }
  });

  it('still sees a write made while its query runs', async () => {
    db = freshDb();
    await db.open();
    const seen: number[] = [];
    let runs = 0;
    const sub = liveQuery(async () => {
      runs++;
      const n = await db.messages.where('conversationId').equals('c1').count();
      // The first run is slow: a write lands in the middle of it.
      if (runs === 1) await new Promise((r) => setTimeout(r, 50));
      return n;
    }).subscribe((n) => seen.push(n));
    try {
      await new Promise((r) => setTimeout(r, 10));
      await db.messages.put(message({ id: 'during', conversationId: 'c1' }));
      await nextValue(seen, 1);
      await new Promise((r) => setTimeout(r, 100));
      expect(seen.at(-1)).toBe(1);
    } finally {
      sub.unsubscribe();
    }
  });
});
