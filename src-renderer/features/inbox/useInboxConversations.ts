import { useShallow } from 'zustand/shallow';
import { useAccounts, useInbox, useServices } from '../../app/services.js';
import type { CachedConversation } from '../../db/schema.js';
import { myIds } from '../accounts/accountsStore.js';
import type { InboxFilter } from './inboxStore.js';
import { countInbox, queryInbox } from './queryInbox.js';
import { useCoalescedQuery } from './useCoalescedQuery.js';

/**
 * The list re-reads at most every 250 ms while conversations are being written (the first
 * change at once), backing off to once a second while a burst lasts: in the same tab as a
 * replay, each read and render took the writes' main thread.
 */
const LIST_REFRESH_MS = 250;
const LIST_REFRESH_MAX_MS = 1_000;
const LIST_TABLES = ['conversations'] as const;
/** Counts cost far more than the list: once a second at most. */
const COUNTS_REFRESH_MS = 1_000;

/** The unified inbox: the first `limit` conversations of the filter, across every account. */
export function useInboxConversations(limit: number): CachedConversation[] | undefined {
  const { db } = useServices();
  const filter = useInbox((s) => s.filter);
  const scope = useInbox((s) => s.scope);
  const mine = useAccounts(useShallow(myIds));
  return useCoalescedQuery(db, LIST_TABLES, () => queryInbox(db, filter, mine, limit, scope), [filter, mine, limit, scope], LIST_REFRESH_MS, LIST_REFRESH_MAX_MS);
}

/**
 * Count per filter, for the tab badges: index counts cost far more than the list, so
 * re-read at most once a second after conversations change (not after any write), and
 * not before the list has its rows (`listReady`): at startup on a big cache they
 * competed with the list's first read (after a browser restart, hundreds of ms).
 */
export function useInboxCounts(filters: readonly InboxFilter[], listReady: boolean): Record<string, number> | undefined {
  const { db } = useServices();
  const mine = useAccounts(useShallow(myIds));
  const scope = useInbox((s) => s.scope);
  return useCoalescedQuery(
    db,
    LIST_TABLES,
    // One read transaction for every count (a count per filter per account: 120 with 20 accounts).
    async () =>
      listReady
        ? db.transaction('r', db.conversations, async () => Object.fromEntries(await Promise.all(filters.map(async (f) => [f, await countInbox(db, f, mine, scope)] as const))))
        : undefined,
    [mine, filters, scope, listReady],
    COUNTS_REFRESH_MS,
  );
}
