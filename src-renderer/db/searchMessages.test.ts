// First: Dexie reads the IndexedDB globals when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../src-shared/index.js';
import { ingestBatch } from './ingest.js';
import type { WorkstationDb } from './schema.js';
import { drainSearchIndex } from './searchIndexer.js';
import { newestFirst, searchMessageHits, searchMessages, TAIL_SCAN_IDS } from './searchMessages.js';
import { matchesText, parseQuery } from './searchQuery.js';
import { created, freshDb, message } from './testing.js';

let db: WorkstationDb;
afterEach(async () => db?.delete());

/** mulberry32: the same "random" data on every run. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const WORDS = ['快递', '快遞', '退款', '發貨', '发货', '订单', '訂單', 'refund', 'Parcel', 'order', 'ORDER', '12345', '您好', '谢谢', '!', '😀', '好'];
const pick = <T,>(rnd: () => number, xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;

describe('searchMessages against a brute-force scan (seeded random data)', () => {
  // `indexed`: the indexer runs after a random half of the batches, so queries see the
  // index and the unindexed tail together; `tail`: it never runs (the tail scan alone).
  it.each([
    [1, 'indexed'],
    [2, 'indexed'],
    [3, 'indexed'],
    [4, 'tail'],
  ] as const)('seed %i, %s', async (seed, mode) => {
    db = freshDb();
    const rnd = random(seed);
    let seq = 0;
    const all = [];
    for (let batch = 0; batch < 12; batch++) {
      const events: HubEvent[] = [];
      for (let i = 0; i < 1 + Math.floor(rnd() * 60); i++) {
        const text = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => pick(rnd, WORDS)).join(rnd() < 0.5 ? ' ' : '');
        // Times out of order and with ties, as a resync after history can bring them.
        const m = message({ id: `m${seq}`, conversationId: `c${seq % 7}`, text, createdAt: Math.floor(rnd() * 200) });
        events.push(created(++seq, m));
        all.push(m);
      }
      await ingestBatch(db, 'shop-a', events);
      if (mode === 'indexed' && rnd() < 0.5) await drainSearchIndex(db, 1 + Math.floor(rnd() * 100));
    }
    for (let q = 0; q < 40; q++) {
      const raw = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(rnd, WORDS)).join(' ');
      const query = parseQuery(raw);
      const limit = pick(rnd, [1, 5, 50]);
      const expected = query.terms.length === 0 ? [] : all.filter((m) => matchesText(m.text, query)).sort(newestFirst).slice(0, limit);
      const got = await searchMessages(db, query, limit);
      expect(got.map((m) => m.id), `${raw} (limit ${limit})`).toEqual(expected.map((m) => m.id));
    }
  });
});

describe('searchMessages', () => {
  it.each([
    ['繁體 query, 简体 text', '你好，我的快递到哪了？', '快遞', true],
    ['简体 query, 繁體 text', '請問什麼時候發貨', '发货', true],
    ['English, case-insensitive', 'My Parcel is late', 'parcel LATE', true],
    ['AND of terms', 'My parcel is late', 'parcel refund', false],
    ['a CJK run is a phrase, not scattered bigrams', '快递 递到', '快递到', false],
    ['mixed Chinese and English', '订单 A1234 还没发货', 'a1234 发货', true],
    ['a single CJK character alone does not search messages', '好', '好', false],
  ])('%s', async (_name, text, raw, found) => {
    db = freshDb();
    await ingestBatch(db, 'shop-a', [created(1, { text })]);
    expect((await searchMessages(db, parseQuery(raw))).length, 'not yet indexed').toBe(found ? 1 : 0);
    await drainSearchIndex(db);
    expect((await searchMessages(db, parseQuery(raw))).length, 'indexed').toBe(found ? 1 : 0);
  });

  it('indexes a message once, not again when its status changes or it is replayed', async () => {
    db = freshDb();
    await ingestBatch(db, 'shop-a', [created(1, { text: 'refund please' })]);
    await ingestBatch(db, 'shop-a', [{ seq: 2, type: 'message.status', at: 2, data: { conversationId: 'c1', messageId: 'm1', status: 'delivered' } }]);
    await ingestBatch(db, 'shop-b', [created(1, { text: 'refund please' })]);
    await drainSearchIndex(db);
    expect(await db.searchPostings.where('[term+at+block]').between(['refund', -Infinity, ''], ['refund', Infinity, '\uffff']).count()).toBe(1);
  });

  it('rolls the queued ids back with the batch', async () => {
    db = freshDb();
    const bad = created(2, { id: 'm9', text: 'refund' });
    (bad.data as { id: unknown }).id = { not: 'a key' };
    await expect(ingestBatch(db, 'shop-a', [created(1, { text: 'refund' }), bad])).rejects.toThrow();
    expect(await db.searchBacklog.count()).toBe(0);
  });

  it('says how many queued messages it could not scan when the indexer is far behind', async () => {
    db = freshDb();
    const old = Array.from({ length: TAIL_SCAN_IDS + 100 }, (_, i) => created(i + 1, { id: `old${i}`, text: 'refund old', createdAt: i }));
    await ingestBatch(db, 'shop-a', old);
    await ingestBatch(db, 'shop-a', [created(TAIL_SCAN_IDS + 200, { id: 'now', text: 'refund now', createdAt: 1e9 })]);
    const early = await searchMessageHits(db, parseQuery('refund'), 5);
    expect(early.messages[0]?.id).toBe('now');
    expect(early.unindexed).toBeGreaterThanOrEqual(101);
    await drainSearchIndex(db);
    expect(await searchMessageHits(db, parseQuery('refund old'), 5)).toMatchObject({ unindexed: 0, messages: [expect.objectContaining({ id: `old${TAIL_SCAN_IDS + 99}` }), ...Array(4).fill(expect.anything())] });
  });
});
