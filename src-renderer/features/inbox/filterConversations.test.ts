import { describe, expect, it } from 'vitest';
import { inboxKeys } from '../../db/inboxKeys.js';
import { conversation } from '../../db/testing.js';
import { matchesFilter } from './filterConversations.js';
import type { InboxFilter } from './inboxStore.js';

const row = (over: Parameters<typeof conversation>[0]) => {
  const c = conversation(over);
  return { ...c, unread: 0, ...inboxKeys(c) };
};
const me = { 'shop-a': 'alice', 'shop-b': 'al' };

describe('matchesFilter', () => {
  it.each<[string, Parameters<typeof conversation>[0], InboxFilter, boolean]>([
    ['open unassigned in all', {}, 'all', true],
    ['resolved not in all', { status: 'resolved' }, 'all', false],
    ['resolved in resolved', { status: 'resolved' }, 'resolved', true],
    ['open not in resolved', {}, 'resolved', false],
    ['mine by my id on that account', { assigneeId: 'alice' }, 'mine', true],
    ['not mine: my id is another account’s', { accountId: 'shop-b', assigneeId: 'alice' }, 'mine', false],
    ['mine on the second account', { accountId: 'shop-b', assigneeId: 'al' }, 'mine', true],
    ['unassigned', {}, 'unassigned', true],
    ['assigned is not unassigned', { assigneeId: 'bob' }, 'unassigned', false],
    ['resolved is not unassigned', { status: 'resolved' }, 'unassigned', false],
  ])('%s', (_name, over, filter, expected) => {
    expect(matchesFilter(row(over), filter, me)).toBe(expected);
  });
});
