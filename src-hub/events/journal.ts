import { HubEvent, type HubEventOf, type HubEventType } from '../../src-shared/hub/events.js';
import type { Database, Transaction } from '../store/database.js';
import { lockAccountHead, writeEvents } from '../store/eventLog.js';
import { directPublisher, type CommitPublisher } from './commitPublisher.js';
import type { EventBus } from './eventBus.js';
import { createKeyedBatchQueue } from './batchQueue.js';

export interface JournalWriter {
  tx: Transaction;
  at: number;
  /** The event with its seq at once; it is written to the log when the record's work returns. */
  append<T extends HubEventType>(type: T, data: HubEventOf<T>['data']): Promise<HubEventOf<T>>;
}

/**
 * The only way state changes: a transaction that updates projections and
 * appends events together, then publishes the events once they are committed.
 */
export interface Journal {
  record<T>(accountId: string, work: (writer: JournalWriter) => Promise<T>): Promise<T>;
  /** Waits for writes in flight (used before closing the store). */
  drain(): Promise<void>;
}

/** PostgreSQL's serialization_failure and deadlock_detected: the transaction did nothing and may run again. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 4;
const isRetryable = (error: unknown) => RETRYABLE.has(String((error as { code?: unknown }).code));

/** Records of one account committed together at most: bounds a group's transaction and its retry. */
export const MAX_GROUP = 64;

interface Job {
  work: (writer: JournalWriter) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Group commit: records of an account that queue up while its previous group
 * commits run as one transaction under one head lock, each in turn, in the
 * order they came; every caller hears back only after that commit (an
 * acknowledged message is on disk). If any record of a group fails, the group
 * rolls back and its records run again one transaction each, so the failing one
 * fails alone and the others commit: the result is what running them one by
 * one would have given. A record's work must therefore be safe to run twice
 * (it already had to be: serialization failures are retried).
 */
export function createJournal(deps: { db: Database; bus: EventBus; now: () => number; publisher?: CommitPublisher }): Journal {
  const publisher = deps.publisher ?? directPublisher(deps.bus);

  /** One transaction for all `jobs`; resolves with their values, or rejects (nothing committed). */
  const commitGroup = async (accountId: string, jobs: Job[]): Promise<unknown[]> => {
    const appended: HubEvent[] = [];
    try {
      const values = await deps.db.transaction(async (tx) => {
        // First statement: every writer of this account, on any node, queues here
        // until we commit, so read-modify-write of its projections cannot interleave.
        let head = await lockAccountHead(tx, accountId);
        const results: unknown[] = [];
        for (const job of jobs) {
          const at = deps.now();
          const events: HubEvent[] = [];
          const append = async <T extends HubEventType>(type: T, data: HubEventOf<T>['data']) => {
            // Parse before writing: a bug here must fail the command, not poison the log.
            const checked = HubEvent.parse({ seq: head + 1, type, at, data });
            const event = { seq: ++head, type, at, data: checked.data } as HubEventOf<T>;
            events.push(event);
            return event;
          };
          results.push(await job.work({ tx, at, append }));
          // Per record, not per group: the next record may read what this one logged.
          await writeEvents(tx, accountId, events);
          appended.push(...events);
        }
        publisher.reserve(accountId, appended);
        return results;
      });
      await publisher.committed(accountId, appended);
      return values;
    } catch (error) {
      publisher.release(accountId, appended);
      throw error;
    }
  };

  const runAlone = async (accountId: string, job: Job) => {
    for (let tries = 1; ; tries++) {
      try {
        return job.resolve((await commitGroup(accountId, [job]))[0]);
      } catch (error) {
        if (tries >= MAX_ATTEMPTS || !isRetryable(error)) return job.reject(error);
      }
    }
  };

  const runBatch = async (accountId: string, jobs: Job[]) => {
    if (jobs.length > 1) {
      try {
        const values = await commitGroup(accountId, jobs);
        return jobs.forEach((job, i) => job.resolve(values[i]));
      } catch {
        // Fall through: one at a time, so only the record at fault fails.
      }
    }
    for (const job of jobs) await runAlone(accountId, job);
  };

  const queue = createKeyedBatchQueue<Job>(runBatch, MAX_GROUP);

  return {
    record<T>(accountId: string, work: (writer: JournalWriter) => Promise<T>) {
      return new Promise<T>((resolve, reject) => queue.push(accountId, { work, resolve: resolve as (value: unknown) => void, reject }));
    },
    drain: () => queue.drain(),
  };
}
