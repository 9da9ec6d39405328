import { useLiveQuery } from 'dexie-react-hooks';
import { useThrottledQuery } from '../../app/useThrottledQuery.js';
import { useShallow } from 'zustand/shallow';
import { useAccounts, useInbox, useServices } from '../../app/services.js';
import type { CachedConversation } from '../../db/schema.js';
import { myIds } from '../accounts/accountsStore.js';
import type { InboxFilter } from './inboxStore.js';
import { countInbox, queryInbox } from './queryInbox.js';

/** The unified inbox: the first `limit` conversations of the filter, across every account. */
export function useInboxConversations(limit: number): CachedConversation[] | undefined {
  const { db } = useServices();
  const filter = useInbox((s) => s.filter);
  const scope = useInbox((s) => s.scope);
  const mine = useAccounts(useShallow(myIds));
  return useLiveQuery(() => queryInbox(db, filter, mine, limit, scope), [db, filter, mine, limit, scope]);
}

/** Count per filter, for the tab badges: index counts cost far more than the list, so throttled. */
export function useInboxCounts(filters: readonly InboxFilter[]): Record<string, number> | undefined {
  const { db } = useServices();
  const mine = useAccounts(useShallow(myIds));
  const scope = useInbox((s) => s.scope);
  return useThrottledQuery(
    async () => Object.fromEntries(await Promise.all(filters.map(async (f) => [f, await countInbox(db, f, mine, scope)] as const))),
    [db, mine, filters, scope],
  );
}
