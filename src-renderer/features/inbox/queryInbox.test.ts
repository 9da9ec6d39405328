import { afterEach, describe, expect, it } from 'vitest';
import { inboxKeys } from '../../db/inboxKeys.js';
import type { CachedConversation, WorkstationDb } from '../../db/schema.js';
import { conversation, freshDb } from '../../db/testing.js';
import { matchesFilter } from './filterConversations.js';
import { INBOX_FILTERS } from './inboxStore.js';
import { countInbox, queryInbox } from './queryInbox.js';

let db: WorkstationDb;
afterEach(async () => db?.delete());

/** A deterministic mix of accounts, statuses and assignees. */
function mix(n: number): CachedConversation[] {
  const statuses = ['open', 'pending', 'bot', 'resolved'] as const;
  const people = [null, 'alice', 'bob', 'al'];
  return Array.from({ length: n }, (_, i) => {
    const c = conversation({
      id: `c${i}`,
      accountId: i % 3 === 0 ? 'shop-b' : 'shop-a',
      status: statuses[(i * 7) % 4]!,
      assigneeId: people[(i * 5) % 4]!,
      lastActivityAt: 1_000 + ((i * 7919) % 10_007),
    });
    return { ...c, unread: 0, ...inboxKeys(c) };
  });
}

const me = { 'shop-a': 'alice', 'shop-b': 'al' };

describe('queryInbox', () => {
  it.each(INBOX_FILTERS)('%s: the index query gives exactly the filtered, newest-first rows', async (filter) => {
    db = freshDb();
    const rows = mix(300);
    await db.conversations.bulkPut(rows);
    const expected = rows
      .filter((c) => matchesFilter(c, filter, me))
      .sort((a, b) => b.lastActivityAt - a.lastActivityAt || b.id.localeCompare(a.id));
    const got = await queryInbox(db, filter, me, 1_000);
    expect(got.map((c) => c.lastActivityAt)).toEqual(expected.map((c) => c.lastActivityAt));
    expect(new Set(got.map((c) => c.id))).toEqual(new Set(expected.map((c) => c.id)));
    expect(await countInbox(db, filter, me)).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(0);
  });

  it.each([
    [{ channel: null, accountId: 'shop-b' }],
    [{ channel: 'taobao' as const, accountId: null }],
    [{ channel: 'taobao' as const, accountId: 'shop-a' }],
  ])('narrows to a scope %j', async (scope) => {
    db = freshDb();
    const rows = mix(300).map((c, i) => (i % 2 ? { ...c, channel: 'taobao' as const } : c));
    await db.conversations.bulkPut(rows);
    const inScope = (c: CachedConversation) => (!scope.channel || c.channel === scope.channel) && (!scope.accountId || c.accountId === scope.accountId);
    for (const filter of INBOX_FILTERS) {
      const expected = rows.filter((c) => matchesFilter(c, filter, me) && inScope(c));
      const got = await queryInbox(db, filter, me, 1_000, scope);
      expect(new Set(got.map((c) => c.id))).toEqual(new Set(expected.map((c) => c.id)));
      expect(await countInbox(db, filter, me, scope)).toBe(expected.length);
    }
  });

  it('stops at the limit', async () => {
    db = freshDb();
    await db.conversations.bulkPut(mix(300));
    expect(await queryInbox(db, 'all', me, 25)).toHaveLength(25);
    expect(await queryInbox(db, 'mine', me, 5)).toHaveLength(5);
  });
});
