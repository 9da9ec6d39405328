import { createKeyedBatchQueue } from './batchQueue.js';

export interface CoalescingQueue<I, O> {
  /** Resolves with the item's result once `storeAll` stored it (committed); rejects if storing it failed. */
  push(key: string, item: I): Promise<O>;
  /** Waits for items in flight. */
  drain(): Promise<void>;
}

/**
 * Items of a key (an account's customer messages) that arrive while its previous
 * ones are being stored are stored together: `storeAll` gets them as one list,
 * in arrival order, and returns one result per item; nobody hears back before it
 * resolves. If it fails for a list of several, each item is stored again alone,
 * so only the item at fault fails (`storeAll` must therefore be all-or-nothing:
 * one journal record is).
 */
export function createCoalescingQueue<I, O>(storeAll: (key: string, items: I[]) => Promise<O[]>, maxBatch: number): CoalescingQueue<I, O> {
  interface Job {
    item: I;
    resolve(result: O): void;
    reject(error: unknown): void;
  }
  const settle = (jobs: Job[], results: O[]) => jobs.forEach((job, i) => job.resolve(results[i]!));
  const queue = createKeyedBatchQueue<Job>(async (key, jobs) => {
    try {
      return settle(jobs, await storeAll(key, jobs.map((job) => job.item)));
    } catch (error) {
      if (jobs.length === 1) return jobs[0]!.reject(error);
    }
    for (const job of jobs) {
      await storeAll(key, [job.item]).then((results) => settle([job], results), job.reject);
    }
  }, maxBatch);
  return {
    push: (key, item) => new Promise((resolve, reject) => queue.push(key, { item, resolve, reject })),
    drain: () => queue.drain(),
  };
}
