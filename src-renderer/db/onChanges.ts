import { Dexie } from 'dexie';

/**
 * Calls `run` at most once per `everyMs` after any IndexedDB write (this tab or
 * another). For derived numbers (badges, counts) a burst of writes costs one read,
 * where a live query would re-run on every commit.
 */
export function onChangesThrottled(run: () => void, everyMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const schedule = () => void (timer ??= setTimeout(() => ((timer = null), run()), everyMs));
  Dexie.on('storagemutated', schedule);
  return () => {
    if (timer) clearTimeout(timer);
    Dexie.on('storagemutated').unsubscribe(schedule);
  };
}
