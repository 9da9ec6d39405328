import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useShallow } from 'zustand/shallow';
import { useAccounts, useInbox, useServices } from '../../app/services.js';
import type { CachedConversation } from '../../db/schema.js';
import { myIds } from '../accounts/accountsStore.js';
import { matchesFilter } from './filterConversations.js';

/** The unified inbox: every account's conversations from IndexedDB, newest activity first. */
export function useInboxConversations(): CachedConversation[] | undefined {
  const { db } = useServices();
  const filter = useInbox((s) => s.filter);
  const mine = useAccounts(useShallow(myIds));
  const all = useLiveQuery(() => db.conversations.orderBy('lastActivityAt').reverse().toArray(), [db]);
  return useMemo(() => all?.filter((c) => matchesFilter(c, filter, mine)), [all, filter, mine]);
}
