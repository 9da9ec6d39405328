import type { CachedConversation } from '../../db/schema.js';
import type { InboxFilter } from './inboxStore.js';

/**
 * The inbox filters, stated plainly: the reference `queryInbox`'s index ranges are
 * tested against (the app itself reads through the indexes).
 * `myIds` maps account id → the person this workstation is on
 * that account, since "mine" means a different person id on each hub.
 */
export function matchesFilter(c: CachedConversation, filter: InboxFilter, myIds: Record<string, string>): boolean {
  switch (filter) {
    case 'all':
      return c.status !== 'resolved';
    case 'mine':
      return c.status !== 'resolved' && c.assigneeId !== null && c.assigneeId === myIds[c.accountId];
    case 'unassigned':
      return c.status !== 'resolved' && c.assigneeId === null;
    case 'resolved':
      return c.status === 'resolved';
  }
}
