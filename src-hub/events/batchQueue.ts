/**
 * Runs an account's jobs one batch at a time, in the order they were queued.
 * The journal keeps one lane per account so a node commits (and publishes) an
 * account's events in seq order without a round of lock waits; across nodes
 * the account's head row lock does the same.
 *
 * Batching is what lets the journal group-commit: while a batch runs, new jobs
 * wait in the lane, and the next batch takes all of them (up to `maxBatch`) at
 * once. A lone job is never held back waiting for company.
 */
export interface KeyedBatchQueue<J> {
  /** Queues a job for `key`; resolves or rejects when `runBatch` settles it. */
  push(key: string, job: J): void;
  /** Resolves once everything queued so far has finished. */
  drain(): Promise<void>;
}

export function createKeyedBatchQueue<J>(runBatch: (key: string, jobs: J[]) => Promise<void>, maxBatch: number): KeyedBatchQueue<J> {
  const lanes = new Map<string, { waiting: J[]; done: Promise<void> }>();

  const runLane = async (key: string, lane: { waiting: J[] }) => {
    while (lane.waiting.length > 0) {
      const batch = lane.waiting.splice(0, maxBatch);
      // runBatch settles its own jobs; a throw here would be a bug in it, and must not stop the lane.
      await runBatch(key, batch).catch(() => undefined);
    }
    lanes.delete(key);
  };

  return {
    push(key, job) {
      const lane = lanes.get(key);
      if (lane) return void lane.waiting.push(job);
      const fresh = { waiting: [job], done: Promise.resolve() };
      lanes.set(key, fresh);
      // One event-loop turn later (PostgreSQL's commit_delay, at its smallest): work that was
      // already under way, e.g. requests whose reads waited behind the last commit, joins the batch.
      fresh.done = new Promise<void>((resolve) => setImmediate(resolve)).then(() => runLane(key, fresh));
    },
    async drain() {
      while (lanes.size > 0) await Promise.all([...lanes.values()].map((lane) => lane.done));
    },
  };
}
