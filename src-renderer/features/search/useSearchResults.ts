import { useEffect, useState } from 'react';
import { useServices } from '../../app/services.js';
import type { CachedConversation } from '../../db/schema.js';
import { searchCustomers } from '../../db/searchCustomers.js';
import { searchMessageHits } from '../../db/searchMessages.js';
import { parseQuery } from '../../db/searchQuery.js';
import { groupHits, type HitGroup } from './groupHits.js';

export const HIT_LIMIT = 50;
const DEBOUNCE_MS = 120;

export interface SearchResults {
  query: string;
  /** Nothing in the query the index can look up (e.g. one Chinese character alone). */
  tooShort: boolean;
  customers: CachedConversation[];
  groups: HitGroup[];
  conversations: Map<string, CachedConversation>;
  /** Messages the background indexer has not reached and the search could not scan (up to this many): results may miss them. */
  unindexed: number;
}

/** The results of `query`, or undefined while they are being read. */
export function useSearchResults(query: string): SearchResults | undefined {
  const { db } = useServices();
  const [results, setResults] = useState<SearchResults>();
  useEffect(() => {
    let live = true;
    setResults(undefined);
    const timer = setTimeout(async () => {
      const parsed = parseQuery(query);
      const [{ messages, unindexed }, customers] = await Promise.all([searchMessageHits(db, parsed, HIT_LIMIT), searchCustomers(db, parsed)]);
      const groups = groupHits(messages);
      const rows = await db.conversations.bulkGet(groups.map((g) => g.conversationId));
      const conversations = new Map(rows.flatMap((c) => (c ? [[c.id, c] as const] : [])));
      if (live) setResults({ query, tooShort: parsed.terms.length === 0 && customers.length === 0, customers, groups, conversations, unindexed });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [db, query]);
  return results;
}
