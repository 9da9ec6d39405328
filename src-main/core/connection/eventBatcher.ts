import type { HubEvent } from '../../../src-shared/hub/events.js';
import type { Clock, TimerHandle } from '../ports/clock.js';

export interface EventBatcher {
  add(event: HubEvent): void;
  /** Delivers what is pending now (before a status change, so order is kept). */
  flush(): void;
}

/**
 * Coalesces the events that arrive within one macrotask (a replay arrives as a
 * burst) into one delivery, so the renderer stores them in one transaction.
 */
export function createEventBatcher(options: {
  clock: Clock;
  maxBatch: number;
  deliver: (events: HubEvent[]) => void;
}): EventBatcher {
  let pending: HubEvent[] = [];
  let timer: TimerHandle | null = null;

  const flush = () => {
    if (timer !== null) options.clock.clearTimeout(timer);
    timer = null;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    options.deliver(batch);
  };

  return {
    add(event) {
      pending.push(event);
      if (pending.length >= options.maxBatch) flush();
      else timer ??= options.clock.setTimeout(flush, 0);
    },
    flush,
  };
}
