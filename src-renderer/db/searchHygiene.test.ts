// First: Dexie reads the IndexedDB globals when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../src-shared/index.js';
import { evictResolved } from './evict.js';
import { forgetAccount, ingestBatch } from './ingest.js';
import type { WorkstationDb } from './schema.js';
import { searchCustomers } from './searchCustomers.js';
import { drainSearchIndex } from './searchIndexer.js';
import { searchMessages } from './searchMessages.js';
import { parseQuery } from './searchQuery.js';
import { indexDifferences } from './searchTesting.js';
import { created, freshDb, upsert } from './testing.js';

let db: WorkstationDb;
afterEach(async () => db?.delete());

/**
 * Three conversations whose messages interleave in every batch (so every chunk holds
 * messages of several), customers 陈小明 / 李雷 / 王芳; `old` is resolved. Batches are
 * indexed as they come except the last, which stays in the backlog.
 */
async function seed(accountOf = (_c: string) => 'shop-a') {
  db = freshDb();
  const names: Record<string, string> = { old: '陈小明', mid: '李雷', new: '王芳' };
  let seq = 0;
  const ingest = (events: HubEvent[], c: string) => ingestBatch(db, accountOf(c), events);
  for (const c of Object.keys(names)) {
    await ingest([upsert(++seq, { id: c, accountId: accountOf(c), status: c === 'old' ? 'resolved' : 'open', customer: { id: c, name: names[c]! } })], c);
  }
  for (let batch = 0; batch < 4; batch++) {
    for (const c of Object.keys(names)) {
      const texts = [`退款 ${c} 订单`, `快递 refund ${batch}`];
      await ingest(texts.map((text, i) => created(++seq, { id: `${c}-${batch}-${i}`, conversationId: c, accountId: accountOf(c), text, createdAt: seq })), c);
    }
    if (batch < 3) await drainSearchIndex(db, 4);
  }
}

describe('search hygiene', () => {
  it('evicting a conversation removes its postings, chunk entries and customer terms, and nothing else', async () => {
    await seed();
    await evictResolved(db);
    expect(await db.searchCustomers.where('conversationId').equals('old').count()).toBe(0);
    expect(await db.searchCustomers.where('conversationId').equals('mid').count()).toBeGreaterThan(0);
    expect(await drainSearchIndex(db)).toBe(4); // the last batch, less the evicted conversation's two
    expect(await indexDifferences(db)).toEqual([]);
    expect((await searchMessages(db, parseQuery('退款'))).map((m) => m.conversationId).sort()).toEqual([...Array(4).fill('mid'), ...Array(4).fill('new')]);
    expect(await searchCustomers(db, parseQuery('陈小明'))).toEqual([]);
  });

  it('removes the postings rows it empties (no rows of removed messages left behind)', async () => {
    await seed();
    await evictResolved(db);
    // `old` is a word of the evicted conversation's texts only.
    expect(await db.searchPostings.where('[term+at+block]').between(['old', -Infinity, ''], ['old', Infinity, '\uffff']).count()).toBe(0);
    expect(await db.searchPostings.where('[term+at+block]').between(['mid', -Infinity, ''], ['mid', Infinity, '\uffff']).count()).toBe(3);
  });

  it('forgetting an account removes its search rows and keeps the other account’s', async () => {
    await seed((c) => (c === 'new' ? 'shop-b' : 'shop-a'));
    await forgetAccount(db, 'shop-a');
    await drainSearchIndex(db);
    expect(await indexDifferences(db)).toEqual([]);
    expect(await db.searchCustomers.filter((row) => row.conversationId !== 'new').count()).toBe(0);
    expect((await searchCustomers(db, parseQuery('王芳'))).map((c) => c.id)).toEqual(['new']);
  });

  it('a renamed customer leaves no terms of the old name', async () => {
    await seed();
    await ingestBatch(db, 'shop-a', [upsert(100, { id: 'mid', customer: { id: 'mid', name: '韩梅梅' } })]);
    expect(await db.searchCustomers.where('conversationId').equals('mid').filter((r) => r.term.includes('雷')).count()).toBe(0);
    expect((await searchCustomers(db, parseQuery('梅梅'))).map((c) => c.id)).toEqual(['mid']);
  });
});
