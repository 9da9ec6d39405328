import { Dexie } from 'dexie';
import type { CachedConversation, WorkstationDb } from '../../db/schema.js';
import { assignedKey } from '../../db/inboxKeys.js';
import type { InboxFilter, InboxScope } from './inboxStore.js';

const NO_SCOPE: InboxScope = { channel: null, accountId: null };

/**
 * One index range per filter, newest activity first; never a scan of the whole cache.
 * A channel or account scope narrows while walking the range, so `limit` still stops early.
 */
function range(db: WorkstationDb, index: string, key: string | number, scope: InboxScope = NO_SCOPE) {
  const rows = db.conversations.where(index).between([key, Dexie.minKey], [key, Dexie.maxKey]).reverse();
  const { channel, accountId } = scope;
  if (!channel && !accountId) return rows;
  return rows.filter((c) => (!channel || c.channel === channel) && (!accountId || c.accountId === accountId));
}

/** A status across accounts: one range of the account's status index per account. */
function statusRanges(db: WorkstationDb, status: 'pending', accountIds: string[], scope: InboxScope) {
  const accounts = scope.accountId ? accountIds.filter((a) => a === scope.accountId) : accountIds;
  return accounts.map((account) => {
    const rows = db.conversations
      .where('[accountId+status+lastActivityAt]')
      .between([account, status, Dexie.minKey], [account, status, Dexie.maxKey])
      .reverse();
    return scope.channel ? rows.filter((c) => c.channel === scope.channel) : rows;
  });
}

/**
 * The index ranges a filter reads. "Mine" is one range per account (each account
 * knows me by another id), "pending" one per account too; the others are one range.
 */
function rangesOf(db: WorkstationDb, filter: InboxFilter, myIds: Record<string, string>, scope: InboxScope) {
  switch (filter) {
    case 'all':
      return [range(db, '[open+lastActivityAt]', 1, scope)];
    case 'unassigned':
    case 'bot':
    case 'resolved':
      return [range(db, '[queueKey+lastActivityAt]', filter, scope)];
    case 'pending':
      return statusRanges(db, 'pending', Object.keys(myIds), scope);
    case 'mine':
      return Object.entries(myIds).map(([account, me]) => range(db, '[queueKey+lastActivityAt]', assignedKey(account, me), scope));
  }
}

/**
 * The first `limit` conversations of a filter. "Mine" unions one range per account
 * (each account knows me by another id) and merges them by activity.
 */
export async function queryInbox(
  db: WorkstationDb,
  filter: InboxFilter,
  myIds: Record<string, string>,
  limit: number,
  scope: InboxScope = NO_SCOPE,
): Promise<CachedConversation[]> {
  const ranges = rangesOf(db, filter, myIds, scope);
  const lists = await Promise.all(ranges.map((r) => r.limit(limit).toArray()));
  if (lists.length === 1) return lists[0]!;
  return lists
    .flat()
    .sort((a, b) => b.lastActivityAt - a.lastActivityAt)
    .slice(0, limit);
}

/** How many conversations a filter holds (index count, no rows read). */
export async function countInbox(
  db: WorkstationDb,
  filter: InboxFilter,
  myIds: Record<string, string>,
  scope: InboxScope = NO_SCOPE,
): Promise<number> {
  const counts = await Promise.all(rangesOf(db, filter, myIds, scope).map((r) => r.count()));
  return counts.reduce((a, b) => a + b, 0);
}
