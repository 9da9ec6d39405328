import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { WorkstationDb } from './schema.js';
import { SCHEMA_VERSIONS } from './schemaVersions.js';
import { searchCustomers } from './searchCustomers.js';
import { drainSearchIndex } from './searchIndexer.js';
import { searchMessages } from './searchMessages.js';
import { parseQuery } from './searchQuery.js';
import { conversation, message } from './testing.js';

/** One sample row per table, whatever version introduced it. */
const SAMPLES: Record<string, unknown> = {
  conversations: { ...conversation(), unread: 2 },
  messages: message(),
  cursors: { accountId: 'shop-a', seq: 7, updatedAt: 1 },
  outbox: { clientId: 'client-1', accountId: 'shop-a', conversationId: 'c1', text: 'hi', createdAt: 1, state: 'queued', attempts: 0, error: null },
  drafts: { conversationId: 'c1', text: 'draft', updatedAt: 1 },
  searchPostings: { term: 'hello', at: 1, block: 'm0', ids: ['m0'], times: [1] },
  searchCustomers: { term: 'hello', conversationId: 'c0' },
  kb: { id: 'kb-1', accountId: 'shop-a', kind: 'canned', title: '问候', body: '您好，有什么可以帮您？', questions: [], updatedAt: 1 },
  suggestionFeedback: { clientId: 'client-fb-1', accountId: 'shop-a', conversationId: 'c1', messageId: 'm1', articleId: 'kb-1', rank: 1, action: 'inserted', vote: null, byId: 'alice', at: 1, pending: 1 },
  searchBacklog: { seq: 1, ids: ['m0'] },
  searchChunks: { seq: 1, at: 1, ids: ['m0'] },
  searchState: { key: 'removals', value: 1 },
  auditLog: { accountId: 'shop-a', id: 'audit-1', action: 'takeover', actorId: 'sue', actorName: 'Sue', conversationId: 'c1', detail: 'from the bot', at: 1 },
  queueSamples: { accountId: 'shop-a', queue: 'general', channel: 'webchat', waiting: 1, active: 0, bot: 0, longestWaitMs: 0, slaBreaches: 0, arrivalsLastMinute: 1, resolvedLastMinute: 0, at: 1 },
};

/** v8 drops the old postings blocks and re-queues every message for the background indexer. */
const rebuiltBy = (version: number) => (version < 8 ? ['searchPostings', 'searchBacklog'] : []);

const tablesUpTo = (version: number) =>
  [...new Set(SCHEMA_VERSIONS.filter((v) => v.version <= version).flatMap((v) => Object.keys(v.stores)))];

describe('schema migrations', () => {
  it('has a sample for every table', () => {
    expect(tablesUpTo(Infinity).sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  it('numbers versions in increasing order', () => {
    const numbers = SCHEMA_VERSIONS.map((v) => v.version);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it.each(SCHEMA_VERSIONS.slice(0, -1).map((v) => v.version))('opens a database made at version %i with today’s code, keeping every row', async (version) => {
    const name = `migrate-${version}-${crypto.randomUUID()}`;
    const old = new WorkstationDb(name, undefined, SCHEMA_VERSIONS.filter((v) => v.version <= version));
    for (const table of tablesUpTo(version)) await old.table(table).put(SAMPLES[table]);
    old.close();

    const current = new WorkstationDb(name);
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    for (const table of tablesUpTo(version).filter((t) => !rebuiltBy(version).includes(t))) {
      expect(await current.table(table).toArray()).toEqual([expect.objectContaining(SAMPLES[table] as object)]);
    }
    if (version < 3) {
      // v3 derives the inbox index fields of conversations cached before it.
      expect(await current.conversations.get('c1')).toMatchObject({ open: 1, queueKey: 'unassigned' });
      expect(await current.conversations.where('[open+lastActivityAt]').between([1, 0], [1, Infinity]).count()).toBe(1);
    }
    if (version < 8) {
      // v8 re-queues the messages cached before it; the indexer then writes their postings.
      expect(await current.searchPostings.count()).toBe(0);
      expect((await current.searchBacklog.toArray()).map((r) => r.ids)).toEqual([['m1']]);
      expect(await drainSearchIndex(current)).toBe(1);
      expect(await current.searchBacklog.count()).toBe(0);
      expect((await searchMessages(current, parseQuery('快遞'))).map((m) => m.id)).toEqual(['m1']);
    }
    if (version < 5) {
      // v5 back-fills the customer terms of the conversations cached before it.
      expect((await searchCustomers(current, parseQuery('王'))).map((c) => c.id)).toEqual(['c1']);
    }
    // Tables added since are there and usable.
    for (const table of tablesUpTo(Infinity).filter((t) => !tablesUpTo(version).includes(t) || rebuiltBy(version).includes(t))) {
      await current.table(table).put(SAMPLES[table]);
      expect(await current.table(table).toArray()).toContainEqual(expect.objectContaining(SAMPLES[table] as object));
    }
    await current.delete();
  });

  it('v10 keys the bot’s conversations cached before it apart from the unassigned ones', async () => {
    const name = `migrate-bot-${crypto.randomUUID()}`;
    const old = new WorkstationDb(name, undefined, SCHEMA_VERSIONS.filter((v) => v.version <= 9));
    const botRow = { ...conversation({ id: 'c-bot', status: 'bot' }), unread: 0, open: 1 as const, queueKey: 'unassigned' };
    const queuedRow = { ...conversation({ id: 'c-queued' }), unread: 0, open: 1 as const, queueKey: 'unassigned' };
    await old.conversations.bulkPut([botRow, queuedRow]);
    old.close();

    const current = new WorkstationDb(name);
    expect(await current.conversations.get('c-bot')).toMatchObject({ queueKey: 'bot', open: 1 });
    expect(await current.conversations.get('c-queued')).toMatchObject({ queueKey: 'unassigned', open: 1 });
    await current.delete();
  });
});
