/**
 * One worker per account for routing's own writes (language moves, assignments):
 * a kick while it runs makes it run once more afterwards, never twice at once, so
 * two passes cannot hand the same conversation to two agents.
 */
export interface AccountWorkers {
  kick(accountId: string): void;
  /** Resolves when no pass is running or due. */
  idle(): Promise<void>;
}

export function createAccountWorkers(pass: (accountId: string) => Promise<void>, log: (line: string) => void): AccountWorkers {
  const running = new Map<string, { again: boolean; done: Promise<void> }>();
  const run = async (accountId: string, slot: { again: boolean }) => {
    do {
      slot.again = false;
      try {
        await pass(accountId);
      } catch (error) {
        log(`routing pass for ${accountId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    } while (slot.again);
    running.delete(accountId);
  };
  return {
    kick(accountId) {
      const current = running.get(accountId);
      if (current) return void (current.again = true);
      const slot = { again: false, done: Promise.resolve() };
      running.set(accountId, slot);
      // A microtask later: every event of the record that kicked is applied by then.
      slot.done = Promise.resolve().then(() => run(accountId, slot));
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running.values()].map((slot) => slot.done));
    },
  };
}
