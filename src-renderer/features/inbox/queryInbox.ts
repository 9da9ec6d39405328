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
  switch (filter) {
    case 'all':
      return range(db, '[open+lastActivityAt]', 1, scope).limit(limit).toArray();
    case 'unassigned':
      return range(db, '[queueKey+lastActivityAt]', 'unassigned', scope).limit(limit).toArray();
    case 'resolved':
      return range(db, '[queueKey+lastActivityAt]', 'resolved', scope).limit(limit).toArray();
    case 'mine': {
      const lists = await Promise.all(
        Object.entries(myIds).map(([account, me]) => range(db, '[queueKey+lastActivityAt]', assignedKey(account, me), scope).limit(limit).toArray()),
      );
      return lists
        .flat()
        .sort((a, b) => b.lastActivityAt - a.lastActivityAt)
        .slice(0, limit);
    }
  }
}

/** How many conversations a filter holds (index count, no rows read). */
export async function countInbox(
  db: WorkstationDb,
  filter: InboxFilter,
  myIds: Record<string, string>,
  scope: InboxScope = NO_SCOPE,
): Promise<number> {
  switch (filter) {
    case 'all':
      return range(db, '[open+lastActivityAt]', 1, scope).count();
    case 'unassigned':
    case 'resolved':
      return range(db, '[queueKey+lastActivityAt]', filter, scope).count();
    case 'mine': {
      const counts = await Promise.all(
        Object.entries(myIds).map(([account, me]) => range(db, '[queueKey+lastActivityAt]', assignedKey(account, me), scope).count()),
      );
      return counts.reduce((a, b) => a + b, 0);
    }
  }
}
