import { useEffect, useState, type DependencyList } from 'react';
import { onChangesThrottled } from '../db/onChanges.js';

/**
 * Like useLiveQuery, but re-reads at most once per `everyMs`, and first after
 * `firstAfterMs` so cheaper queries (the list itself) paint first.
 */
export function useThrottledQuery<T>(query: () => Promise<T>, deps: DependencyList, everyMs = 1_000, firstAfterMs = 50): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    const run = () => void query().then((v) => live && setValue(v));
    const first = setTimeout(run, firstAfterMs);
    const stop = onChangesThrottled(run, everyMs);
    return () => {
      live = false;
      clearTimeout(first);
      stop();
    };
  }, deps);
  return value;
}
