/** Backoff waits that a shutdown can cut short. */
export interface RetryTimers {
  readonly stopped: boolean;
  /** Resolves true after `ms`, or false at once if stopped meanwhile. */
  wait(ms: number): Promise<boolean>;
  stop(): void;
}

export function createRetryTimers(): RetryTimers {
  const waiting = new Map<NodeJS.Timeout, (done: boolean) => void>();
  let stopped = false;
  return {
    get stopped() {
      return stopped;
    },
    wait(ms) {
      if (stopped) return Promise.resolve(false);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(timer);
          resolve(true);
        }, ms);
        waiting.set(timer, resolve);
      });
    },
    stop() {
      stopped = true;
      for (const [timer, resolve] of waiting) {
        clearTimeout(timer);
        resolve(false);
      }
      waiting.clear();
    },
  };
}
