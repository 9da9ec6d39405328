import { Dexie } from 'dexie';
import type { EvictionReport } from '../../db/evict.js';
import type { WorkstationDb } from '../../db/schema.js';
import { isQuotaError } from './isQuotaError.js';

export interface QuotaGuardDeps {
  /** Frees room; gets the database without the guard (its own deletes are never retried). */
  evict(unguarded: WorkstationDb): Promise<EvictionReport>;
  onEvicted?(report: EvictionReport): void;
  /** The write failed again after eviction: none of it was stored. */
  onFailed(error: unknown, ingest: boolean): void;
}

type Args = Parameters<WorkstationDb['transaction']>;
const scopeNames = (args: readonly unknown[]) =>
  args.slice(1, -1).flat().map((t) => (typeof t === 'string' ? t : (t as { name: string }).name));
/** An ingest writes cursors (and never the outbox; forgetting an account does both). */
const isIngest = (args: readonly unknown[]) => {
  const names = scopeNames(args);
  return String(args[0]).includes('rw') && names.includes('cursors') && !names.includes('outbox');
};

/**
 * Wraps `db.transaction` (every write of the app is one: ingest, the outbox) so that a
 * QuotaExceededError runs the eviction policy and the whole transaction once more: an
 * aborted IndexedDB transaction stored nothing, so running it again is safe. If it fails
 * again, an ingest leaves its batch uncommitted and further ingests are refused until
 * `unblock()`, so no later batch can move the cursor past the missing one.
 */
export function guardQuota(db: WorkstationDb, deps: QuotaGuardDeps) {
  const original = db.transaction;
  const run = (args: readonly unknown[]) => (original as (...a: unknown[]) => Promise<unknown>).apply(db, args as unknown[]);
  const unguarded = Object.create(db, { transaction: { value: original.bind(db) } }) as WorkstationDb;
  let blocked = false;

  async function guarded(args: readonly unknown[]): Promise<unknown> {
    const ingest = isIngest(args);
    if (blocked && ingest) throw new DOMException('storage full: ingest paused until space is freed', 'QuotaExceededError');
    try {
      return await run(args);
    } catch (first) {
      if (!isQuotaError(first)) throw first;
      deps.onEvicted?.(await deps.evict(unguarded));
      try {
        return await run(args);
      } catch (again) {
        if (isQuotaError(again)) {
          blocked ||= ingest;
          deps.onFailed(again, ingest);
        }
        throw again;
      }
    }
  }

  db.transaction = ((...args: Args) => (Dexie.currentTransaction ? run(args) : guarded(args))) as WorkstationDb['transaction'];
  return {
    get blocked() {
      return blocked;
    },
    unblock: () => void (blocked = false),
    uninstall: () => void (db.transaction = original),
  };
}

export type QuotaGuard = ReturnType<typeof guardQuota>;
