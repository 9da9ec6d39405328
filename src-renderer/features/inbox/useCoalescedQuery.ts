import { useEffect, useState, type DependencyList } from 'react';
import type { Dexie } from 'dexie';
import { onTablesChanged } from '../../db/onChanges.js';

/**
 * Like useLiveQuery for a query over `tables`, but re-read at most once per `everyMs`,
 * backing off to `maxEveryMs` while changes keep coming (the first change after a quiet
 * spell at once): during a burst of commits the list
 * is read and rendered a few times a second instead of once per commit, which left
 * ingest in the same tab well under half of a bare write. Keeps the last value while
 * the deps change, as useLiveQuery does.
 */
export function useCoalescedQuery<T>(db: Dexie, tables: readonly string[], query: () => Promise<T>, deps: DependencyList, everyMs: number, maxEveryMs = everyMs): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    const read = () =>
      query().then(
        (v) => void (live && setValue(() => v)),
        (e: unknown) => console.error(`inbox query: ${e instanceof Error ? e.message : String(e)}`),
      );
    const stop = onTablesChanged(db, tables, read, everyMs, maxEveryMs);
    return () => {
      live = false;
      stop();
    };
  }, [db, everyMs, maxEveryMs, ...tables, ...deps]);
  return value;
}
