// First: Dexie reads the IndexedDB globals when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { latestMessages, messagesAfter } from './conversations.js';
import type { WorkstationDb } from './schema.js';
import { freshDb, message } from './testing.js';

let db: WorkstationDb;
afterEach(async () => db?.delete());

describe('conversation reads', () => {
  it('gives the newest messages, oldest first, for one conversation only', async () => {
    db = freshDb();
    await db.messages.bulkPut([
      ...Array.from({ length: 10 }, (_, i) => message({ id: `m${i}`, createdAt: 100 + i })),
      message({ id: 'other', conversationId: 'c2', createdAt: 999 }),
    ]);
    expect((await latestMessages(db, 'c1', 3)).map((m) => m.id)).toEqual(['m7', 'm8', 'm9']);
    expect((await latestMessages(db, 'c1', 50)).length).toBe(10);
  });

  it('gives what came after a time, excluding that time', async () => {
    db = freshDb();
    await db.messages.bulkPut([message({ id: 'a', createdAt: 100 }), message({ id: 'b', createdAt: 200 }), message({ id: 'c', createdAt: 300 })]);
    expect((await messagesAfter(db, 'c1', 200)).map((m) => m.id)).toEqual(['c']);
    expect((await messagesAfter(db, 'c1', 0)).map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });
});
