/**
 * Runs tasks one after another. Every write goes through one queue so that
 * events are published in the order their seqs were committed; PGlite has a
 * single connection anyway, so this costs no parallelism.
 */
export interface SerialQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Resolves once everything queued so far has finished. */
  drain(): Promise<void>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      const result = tail.then(task);
      tail = result.catch(() => undefined);
      return result;
    },
    drain: () => tail.then(() => undefined),
  };
}
