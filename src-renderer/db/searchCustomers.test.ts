// First: Dexie reads the IndexedDB globals when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestBatch } from './ingest.js';
import type { WorkstationDb } from './schema.js';
import { searchCustomers } from './searchCustomers.js';
import { parseQuery } from './searchQuery.js';
import { freshDb, upsert } from './testing.js';

let db: WorkstationDb;
afterEach(async () => db?.delete());

const customer = { id: 'v1', name: '陈小明', email: 'Xiaoming.Wang@example.com', phone: '+86 138-0013-8000' };

describe('searchCustomers', () => {
  it.each([
    ['a CJK character of the name', '陈', true],
    ['part of the name', '小明', true],
    ['繁體 name query', '陳小明', true],
    ['an email word, any case', 'WANG', true],
    ['the start of an email word', 'xiaom', true],
    ['the whole email', 'xiaoming.wang@example.com', true],
    ['the phone without +86', '13800138000', true],
    ['the start of the phone', '138001', true],
    ['another name', '李', false],
    ['the middle of a word is not a match', 'iaoming', false],
  ])('%s', async (_name, raw, found) => {
    db = freshDb();
    await ingestBatch(db, 'shop-a', [upsert(1, { customer })]);
    expect((await searchCustomers(db, parseQuery(raw))).map((c) => c.id)).toEqual(found ? ['c1'] : []);
  });

  it('follows a renamed customer (old terms are filtered out)', async () => {
    db = freshDb();
    await ingestBatch(db, 'shop-a', [upsert(1, { customer }), upsert(2, { customer: { ...customer, name: '李雷' } })]);
    await ingestBatch(db, 'shop-a', [upsert(3, { customer: { ...customer, name: 'Li Lei' } })]);
    expect(await searchCustomers(db, parseQuery('陈'))).toEqual([]);
    expect(await searchCustomers(db, parseQuery('李雷'))).toEqual([]);
    expect((await searchCustomers(db, parseQuery('lei'))).map((c) => c.customer.name)).toEqual(['Li Lei']);
  });
});
