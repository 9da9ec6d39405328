import { Dexie } from 'dexie';
import type { WorkstationDb } from './schema.js';
import { indexNextChunk } from './searchIndexer.js';
import { warmFolding } from './searchText.js';

export interface IndexerLoopOptions {
  /** Wall time one idle turn may spend on steps before yielding (each step is short on its own). */
  budgetMs?: number;
  /** Run at the latest this long after new messages, idle or not: searches see them within about a second. */
  timeoutMs?: number;
  /** After a failed step (e.g. a full disk), wait this long before trying again. */
  pauseAfterErrorMs?: number;
  /**
   * While messages are being stored (a replay, a burst), one step per `busyEveryMs` only:
   * storing and showing them comes first, searches scan the newest unindexed ones
   * themselves, and the indexer catches up once the writes have been quiet `quietMs`.
   */
  quietMs?: number;
  /**
   * A step every 2 s still indexes a steady stream (a busy shift is tens of messages a
   * second, 500 per step); during a replay at thousands a second it cannot keep up
   * anyway, and each step cost the writes about a tenth of the main thread.
   */
  busyEveryMs?: number;
  log?: (line: string) => void;
}

type IdleRunner = (run: () => void, timeoutMs: number) => void;
const whenIdle: IdleRunner =
  typeof requestIdleCallback === 'function' ? (run, timeout) => void requestIdleCallback(run, { timeout }) : (run) => void setTimeout(run, 16);

/**
 * Runs the search indexer in the renderer's idle time: woken by any IndexedDB write
 * (this tab's ingest or another tab's), it indexes backlog chunks for up to `budgetMs`
 * per idle turn and comes back while the backlog is not empty (slower while messages
 * are being written: see `quietMs`). Several tabs may run it:
 * a step that lost a race writes nothing (see indexNextChunk).
 */
export function startSearchIndexer(
  db: WorkstationDb,
  { budgetMs = 40, timeoutMs = 500, pauseAfterErrorMs = 5_000, quietMs = 300, busyEveryMs = 2_000, log = console.error }: IndexerLoopOptions = {},
) {
  let scheduled = false;
  let running = false;
  let again = false;
  let stopped = false;
  let pausedUntil = 0;
  let messagesWrittenAt = -Infinity;
  let lastRunAt = -Infinity;
  let warm = false;
  const messagesPart = `idb://${db.name}/messages/`;

  const onMutated = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((part) => part.startsWith(messagesPart))) messagesWrittenAt = performance.now();
    kick();
  };
  const busy = () => performance.now() - messagesWrittenAt < quietMs;

  const kick = () => {
    if (stopped) return;
    if (running) return void (again = true);
    if (scheduled) return;
    scheduled = true;
    const wait = pausedUntil - Date.now();
    if (wait > 0) setTimeout(() => whenIdle(run, timeoutMs), wait);
    else if (busy()) setTimeout(whenQuietOrDue, quietMs);
    else whenIdle(run, timeoutMs);
  };
  /** During writes: runs once they have been quiet `quietMs`, or when a step is `busyEveryMs` due. */
  const whenQuietOrDue = () => {
    if (stopped) return;
    if (busy() && performance.now() - lastRunAt < busyEveryMs) return void setTimeout(whenQuietOrDue, quietMs);
    whenIdle(run, timeoutMs);
  };

  const run = async () => {
    scheduled = false;
    if (!warm) {
      warm = true;
      warmFolding();
      return kick();
    }
    lastRunAt = performance.now();
    running = true;
    again = false;
    let more = false;
    try {
      const start = performance.now();
      do {
        const step = await indexNextChunk(db);
        more = step.rows > 0 || step.conflict;
      } while (more && !stopped && !busy() && performance.now() - start < budgetMs);
    } catch (e) {
      log(`search indexer: ${e instanceof Error ? e.message : String(e)}`);
      pausedUntil = Date.now() + pauseAfterErrorMs;
      more = true;
    } finally {
      running = false;
    }
    if (more || again) kick();
  };

  Dexie.on('storagemutated', onMutated);
  kick();
  return {
    stop() {
      stopped = true;
      Dexie.on('storagemutated').unsubscribe(onMutated);
    },
  };
}
