import { Dexie } from 'dexie';
import type { CachedConversation, WorkstationDb } from '../../db/schema.js';
import { assignedKey } from '../../db/inboxKeys.js';
import type { InboxFilter, InboxScope } from './inboxStore.js';

const NO_SCOPE: InboxScope = { channel: null, accountId: null };

/**
 * One index range (every entry under a key prefix), newest activity first; never a scan
 * of the whole cache. A channel or account scope narrows while walking the range, so
 * `limit` still stops early.
 */
function range(db: WorkstationDb, index: string, prefix: ReadonlyArray<string | number>, scope: InboxScope = NO_SCOPE) {
  const rows = db.conversations.where(index).between([...prefix, Dexie.minKey], [...prefix, Dexie.maxKey]).reverse();
  const { channel, accountId } = scope;
  if (!channel && !accountId) return rows;
  return rows.filter((c) => (!channel || c.channel === channel) && (!accountId || c.accountId === accountId));
}

/**
 * The index ranges a filter reads. "Mine" is one range per account (each account
 * knows me by another id), "pending" one per account too; the others are one range.
 */
function rangesOf(db: WorkstationDb, filter: InboxFilter, myIds: Record<string, string>, scope: InboxScope) {
  switch (filter) {
    case 'all':
      return [range(db, '[open+lastActivityAt]', [1], scope)];
    case 'unassigned':
    case 'bot':
    case 'resolved':
      return [range(db, '[queueKey+lastActivityAt]', [filter], scope)];
    case 'pending': {
      const accounts = Object.keys(myIds).filter((a) => !scope.accountId || a === scope.accountId);
      return accounts.map((account) => range(db, '[accountId+status+lastActivityAt]', [account, filter], scope));
    }
    case 'mine':
      return Object.entries(myIds).map(([account, me]) => range(db, '[queueKey+lastActivityAt]', [assignedKey(account, me)], scope));
  }
}

/**
 * The first `limit` conversations of a filter; where it reads one range per account
 * ("mine", "pending"), the ranges are merged by activity.
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
