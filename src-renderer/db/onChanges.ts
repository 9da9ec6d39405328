import { Dexie } from 'dexie';

/**
 * Runs `run` now, and again after writes to any of `tables` of `db` (this tab or another), coalesced:
 * the first change after a quiet spell runs at once, changes within `everyMs` of the
 * last start wait and share one run, and runs never overlap (a change during one runs
 * again after it). For a list that must stay live: during a burst of commits (a replay,
 * a busy shift) it is read a few times a second, not once per commit. While changes keep
 * coming, the spacing doubles up to `maxEveryMs` (a replay is read about once a second);
 * the first change after a quiet spell is read at once again.
 */
export function onTablesChanged(db: Dexie, tables: readonly string[], run: () => Promise<unknown>, everyMs: number, maxEveryMs = everyMs): () => void {
  const prefixes = tables.map((t) => `idb://${db.name}/${t}/`);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let dirty = false;
  let stopped = false;
  let lastStart = -Infinity;
  let gap = everyMs;

  const start = () => {
    timer = null;
    if (stopped) return;
    running = true;
    dirty = false;
    const now = performance.now();
    gap = now - lastStart <= gap * 1.5 ? Math.min(gap * 2, maxEveryMs) : everyMs;
    lastStart = now;
    void run()
      .catch(() => undefined)
      .finally(() => {
        running = false;
        if (dirty) schedule();
      });
  };
  const schedule = () => {
    if (stopped) return;
    if (running) return void (dirty = true);
    timer ??= setTimeout(start, Math.max(0, lastStart + gap - performance.now()));
  };
  const onMutated = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((part) => prefixes.some((p) => part.startsWith(p)))) schedule();
  };
  Dexie.on('storagemutated', onMutated);
  start();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    Dexie.on('storagemutated').unsubscribe(onMutated);
  };
}

/**
 * Wraps `run` so calls never overlap: each starts after the previous one settled. For a
 * reader fed by two triggers (table writes, account changes): two overlapping reads can
 * finish out of order and leave the older state as the last word.
 */
export function oneAtATime(run: () => Promise<unknown>): () => Promise<void> {
  let last: Promise<unknown> = Promise.resolve();
  return () => {
    const next = last.then(run, run);
    last = next.catch(() => undefined);
    return next.then(() => undefined);
  };
}
