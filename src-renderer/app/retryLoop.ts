import type { ErrorCode } from '../../src-shared/index.js';
import type { AccountsStore } from '../features/accounts/accountsStore.js';

/** Errors that say "not now" rather than "no": the work stays queued and is tried again. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['offline', 'timeout']);
export const isTransient = (code: ErrorCode): boolean => TRANSIENT.has(code);

export interface RetryLoopDeps {
  accounts: AccountsStore;
  /** One try at everything queued; true when something went out (so its successors go next, at once). */
  pass: (stopped: () => boolean) => Promise<boolean>;
  /** Prefixes logged failures, e.g. `outbox`. */
  name: string;
  log?: (line: string) => void;
  /** How often queued work is tried again while nothing else kicks the loop. */
  retryMs: number;
}

/**
 * Drives a queue that leaves through the bridge (the outbox, suggestion feedback):
 * runs on start (work left by a previous run), on every kick, when an account comes
 * online, and on a timer; a kick while a run is going runs once more right after it.
 */
export function startRetryLoop({ accounts, pass, name, log = console.error, retryMs }: RetryLoopDeps) {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const isStopped = () => stopped;

  async function drain(): Promise<void> {
    do {
      again = false;
      while (!stopped && (await pass(isStopped)));
    } while (again && !stopped);
  }

  const kick = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = drain()
      .catch((e: unknown) => log(`${name}: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => (running = null));
    return running;
  };

  const unsubscribe = accounts.subscribe((state, previous) => {
    const cameOnline = Object.values(state.byId).some((a) => a.status === 'online' && previous.byId[a.id]?.status !== 'online');
    if (cameOnline) void kick();
  });
  const timer = setInterval(() => void kick(), retryMs);
  void kick();

  return {
    kick,
    /** Resolves when the current run (if any) is over. */
    idle: () => running ?? Promise.resolve(),
    stop() {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
    },
  };
}

export type RetryLoop = ReturnType<typeof startRetryLoop>;
