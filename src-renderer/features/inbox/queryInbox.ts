import { Dexie } from 'dexie';
import type { CachedConversation, WorkstationDb } from '../../db/schema.js';
import { assignedKey } from '../../db/inboxKeys.js';
import type { InboxFilter } from './inboxStore.js';

/** One index range per filter, newest activity first; never a scan of the whole cache. */
function range(db: WorkstationDb, index: string, key: string | number) {
  return db.conversations.where(index).between([key, Dexie.minKey], [key, Dexie.maxKey]).reverse();
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
): Promise<CachedConversation[]> {
  switch (filter) {
    case 'all':
      return range(db, '[open+lastActivityAt]', 1).limit(limit).toArray();
    case 'unassigned':
      return range(db, '[queueKey+lastActivityAt]', 'unassigned').limit(limit).toArray();
    case 'resolved':
      return range(db, '[queueKey+lastActivityAt]', 'resolved').limit(limit).toArray();
    case 'mine': {
      const lists = await Promise.all(
        Object.entries(myIds).map(([account, me]) => range(db, '[queueKey+lastActivityAt]', assignedKey(account, me)).limit(limit).toArray()),
      );
      return lists
        .flat()
        .sort((a, b) => b.lastActivityAt - a.lastActivityAt)
        .slice(0, limit);
    }
  }
}

/** How many conversations a filter holds (index count, no rows read). */
export async function countInbox(db: WorkstationDb, filter: InboxFilter, myIds: Record<string, string>): Promise<number> {
  switch (filter) {
    case 'all':
      return range(db, '[open+lastActivityAt]', 1).count();
    case 'unassigned':
    case 'resolved':
      return range(db, '[queueKey+lastActivityAt]', filter).count();
    case 'mine': {
      const counts = await Promise.all(
        Object.entries(myIds).map(([account, me]) => range(db, '[queueKey+lastActivityAt]', assignedKey(account, me)).count()),
      );
      return counts.reduce((a, b) => a + b, 0);
    }
  }
}
