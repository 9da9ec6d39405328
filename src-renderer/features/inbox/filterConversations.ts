import type { CachedConversation } from '../../db/schema.js';
import type { InboxFilter } from './inboxStore.js';

/** Neither resolved nor the bot's: a person has it or is about to. */
const withPerson = (c: CachedConversation) => c.status !== 'resolved' && c.status !== 'bot';

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
      return withPerson(c) && c.assigneeId !== null && c.assigneeId === myIds[c.accountId];
    case 'unassigned':
      return withPerson(c) && c.assigneeId === null;
    case 'bot':
    case 'pending':
      return c.status === filter;
    case 'resolved':
      return c.status === 'resolved';
  }
}
