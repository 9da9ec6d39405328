/**
 * The bot's work list: at most one waiting job per conversation, run one at a
 * time, yielding to I/O between jobs so the bot never holds up the hub. A job
 * waits `delayMs` first; a newer job for the same conversation replaces the
 * waiting one and restarts the wait, so lines typed in a burst get one reply
 * (to the latest, with the others as context) and a stale one is never answered.
 */
export interface BotQueue<J> {
  /** false when the queue is full and the job was not taken. */
  offer(key: string, job: J): boolean;
  /** Stops taking jobs and waits for the one running. */
  stop(): Promise<void>;
}

export function createBotQueue<J>(
  run: (key: string, job: J) => Promise<void>,
  options: { max: number; delayMs: number; log: (line: string) => void },
): BotQueue<J> {
  // Insertion order is due order: every job waits the same delay, and a replaced one moves to the end.
  const waiting = new Map<string, { job: J; due: number }>();
  let running: Promise<void> | null = null;
  let stopped = false;

  const loop = async () => {
    for (;;) {
      const next = waiting.entries().next();
      if (stopped || next.done) return;
      const [key, { job, due }] = next.value;
      const wait = due - Date.now();
      if (wait > 0) {
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      waiting.delete(key);
      try {
        await run(key, job);
      } catch (error) {
        options.log(`bot job for ${key} failed: ${String(error)}`);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const kick = () => {
    running ??= loop().finally(() => {
      running = null;
      if (!stopped && waiting.size > 0) kick();
    });
  };

  return {
    offer(key, job) {
      if (stopped || (waiting.size >= options.max && !waiting.has(key))) return false;
      waiting.delete(key);
      waiting.set(key, { job, due: Date.now() + options.delayMs });
      kick();
      return true;
    },
    async stop() {
      stopped = true;
      waiting.clear();
      await running;
    },
  };
}
