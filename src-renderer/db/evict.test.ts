// First: Dexie reads the IndexedDB globals when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DAY_MS, evictFraction, evictOlderThan, evictResolved } from './evict.js';
import { queuedReply, seedConversation } from './evictTesting.js';
import type { WorkstationDb } from './schema.js';
import { freshDb } from './testing.js';

let db: WorkstationDb;
afterEach(async () => db?.delete());

/** r-old, r-mid, r-new resolved (10 messages each, oldest first); o-old open and older than all. */
async function seed() {
  db = freshDb();
  await seedConversation(db, { id: 'r-mid', status: 'resolved', lastActivityAt: 2 * DAY_MS }, 10);
  await seedConversation(db, { id: 'r-new', status: 'resolved', lastActivityAt: 3 * DAY_MS }, 10);
  await seedConversation(db, { id: 'r-old', status: 'resolved', lastActivityAt: 1 * DAY_MS }, 10);
  await seedConversation(db, { id: 'o-old', status: 'open', lastActivityAt: 0 }, 10);
  await seedConversation(db, { id: 'p-old', status: 'pending', lastActivityAt: 0 }, 10);
  await db.drafts.put({ conversationId: 'r-old', text: '草稿', updatedAt: 1 });
}

describe('evictResolved', () => {
  it.each([
    [1, ['r-old']],
    [10, ['r-old']],
    [11, ['r-old', 'r-mid']],
    [25, ['r-old', 'r-mid', 'r-new']],
    [1000, ['r-old', 'r-mid', 'r-new']],
  ])('to free %i messages removes %j, oldest first', async (target, evicted) => {
    await seed();
    const report = await evictResolved(db, { targetMessages: target });
    expect(report).toEqual({ conversations: evicted, messages: evicted.length * 10, totalMessages: 50 });
    expect(await db.messages.count()).toBe(50 - evicted.length * 10);
    expect((await db.conversations.toCollection().primaryKeys()).sort()).toEqual(['o-old', 'p-old', 'r-mid', 'r-new', 'r-old'].filter((id) => !evicted.includes(id)));
  });

  it('removes the drafts of what it evicts', async () => {
    await seed();
    await evictResolved(db, { targetMessages: 1 });
    expect(await db.drafts.count()).toBe(0);
  });

  it('never evicts a conversation with outbox rows, and keeps those rows', async () => {
    await seed();
    await db.outbox.put(queuedReply('r-old'));
    const report = await evictResolved(db, { targetMessages: 1 });
    expect(report.conversations).toEqual(['r-mid']);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.messages.where('[conversationId+createdAt]').between(['r-old', 0], ['r-old', Infinity]).count()).toBe(10);
  });

  it('never evicts open or pending conversations, however old', async () => {
    await seed();
    const report = await evictResolved(db);
    expect(report.conversations).not.toContain('o-old');
    expect(report.conversations).not.toContain('p-old');
    expect(await db.messages.count()).toBe(20);
  });

  it('skips the conversations it is told to keep', async () => {
    await seed();
    expect((await evictResolved(db, { targetMessages: 1, keep: new Set(['r-old']) })).conversations).toEqual(['r-mid']);
  });
});

describe('evictFraction and evictOlderThan', () => {
  it('frees about a fraction of the cached messages', async () => {
    await seed();
    expect((await evictFraction(db, 0.3)).conversations).toEqual(['r-old', 'r-mid']);
  });

  it.each([
    [0.5, []],
    [1.5, ['r-old']],
    [2.5, ['r-old', 'r-mid']],
  ])('older than %d days (now = day 4) removes %j', async (days, evicted) => {
    await seed();
    expect((await evictOlderThan(db, 4 - days, 4 * DAY_MS)).conversations).toEqual(evicted);
  });
});
