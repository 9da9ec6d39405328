// First: Dexie reads the IndexedDB globals when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evictFraction } from '../../db/evict.js';
import { queuedReply, seedConversation } from '../../db/evictTesting.js';
import { ingestBatch, readCursor } from '../../db/ingest.js';
import { enqueueReply } from '../../db/outbox.js';
import type { WorkstationDb } from '../../db/schema.js';
import { created, freshDb } from '../../db/testing.js';
import { guardQuota } from './quotaGuard.js';

/**
 * Makes the db's writes to `table` throw QuotaExceededError (at the DBCore level, like
 * IndexedDB) `times` times once armed. Registered before the db opens, as Dexie requires.
 */
function failingWrites(db: WorkstationDb, table: 'messages' | 'outbox') {
  let left = 0;
  db.use({
    stack: 'dbcore',
    name: 'quota-test',
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        return {
          ...t,
          mutate: (req) => {
            if (name !== table || req.type === 'delete' || left <= 0) return t.mutate(req);
            left -= 1;
            return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
          },
        };
      },
    }),
  });
  return (times: number) => void (left = times);
}

let db: WorkstationDb;
afterEach(async () => db?.delete());

async function setup(table: 'messages' | 'outbox', times: number) {
  db = freshDb();
  const arm = failingWrites(db, table);
  await seedConversation(db, { id: 'old', status: 'resolved', lastActivityAt: 1 }, 5);
  await seedConversation(db, { id: 'pinned', status: 'resolved', lastActivityAt: 0 }, 5);
  await db.outbox.put(queuedReply('pinned'));
  arm(times);
  const onFailed = vi.fn();
  const onEvicted = vi.fn();
  const guard = guardQuota(db, { evict: (raw) => evictFraction(raw, 0.1), onEvicted, onFailed });
  return { guard, onFailed, onEvicted };
}

const batch = [created(1, { id: 'new-1', conversationId: 'c9' }), created(2, { id: 'new-2', conversationId: 'c9' })];

describe('guardQuota', () => {
  it('evicts and retries an ingest batch once when the disk is full', async () => {
    const { onEvicted, onFailed } = await setup('messages', 1);
    expect(await ingestBatch(db, 'shop-a', batch)).toMatchObject({ cursor: 2, applied: 2 });
    expect(onEvicted).toHaveBeenCalledWith({ conversations: ['old'], messages: 5, totalMessages: 10 });
    expect(onFailed).not.toHaveBeenCalled();
    expect(await db.messages.get('new-2')).toBeDefined();
    expect(await db.outbox.count()).toBe(1);
  });

  it('leaves the batch uncommitted and pauses ingest when the retry fails too', async () => {
    const { guard, onFailed } = await setup('messages', 2);
    await expect(ingestBatch(db, 'shop-a', batch)).rejects.toThrow();
    expect(await readCursor(db, 'shop-a')).toBe(0);
    expect(await db.messages.get('new-1')).toBeUndefined();
    expect(onFailed).toHaveBeenCalledWith(expect.anything(), true);
    // The disk has room again, but a later batch must not jump the cursor past the missing one.
    await expect(ingestBatch(db, 'shop-a', [created(3, { id: 'new-3', conversationId: 'c9' })])).rejects.toThrow(/ingest paused/);
    expect(await readCursor(db, 'shop-a')).toBe(0);
    guard.unblock();
    expect(await ingestBatch(db, 'shop-a', batch)).toMatchObject({ cursor: 2 });
  });

  it('evicts and retries a queued reply, never touching outbox rows', async () => {
    const { onEvicted } = await setup('outbox', 1);
    await enqueueReply(db, { clientId: 'r2', accountId: 'shop-a', conversationId: 'c1', text: '好的' }, 10);
    expect(onEvicted).toHaveBeenCalledOnce();
    expect((await db.outbox.toCollection().primaryKeys()).sort()).toEqual(['r-pinned', 'r2']);
  });

  it('reports a reply that cannot be stored, without pausing ingest', async () => {
    const { guard, onFailed } = await setup('outbox', 2);
    await expect(enqueueReply(db, { clientId: 'r2', accountId: 'shop-a', conversationId: 'c1', text: '好的' }, 10)).rejects.toThrow();
    expect(onFailed).toHaveBeenCalledWith(expect.anything(), false);
    expect(guard.blocked).toBe(false);
  });

  it('passes other errors through without evicting', async () => {
    db = freshDb();
    const onEvicted = vi.fn();
    guardQuota(db, { evict: (raw) => evictFraction(raw, 0.1), onEvicted, onFailed: vi.fn() });
    await expect(db.transaction('rw', db.drafts, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(onEvicted).not.toHaveBeenCalled();
  });
});
