import type { Clock, TimerHandle } from './clock.js';
import type { SlaDue } from './slaDue.js';

/**
 * At most one timer per open conversation, for its current SLA due time.
 * Setting the same due again keeps the timer; a new due replaces it.
 */
export interface SlaTimers {
  set(accountId: string, conversationId: string, due: SlaDue | null): void;
  stop(): void;
}

export function createSlaTimers(clock: Clock, onDue: (accountId: string, conversationId: string) => void): SlaTimers {
  const timers = new Map<string, { handle: TimerHandle; dueAt: number; kind: string }>();
  return {
    set(accountId, conversationId, due) {
      const key = `${accountId}/${conversationId}`;
      const current = timers.get(key);
      if (current && due && current.dueAt === due.dueAt && current.kind === due.kind) return;
      if (current) clock.clearTimeout(current.handle);
      timers.delete(key);
      if (!due) return;
      const handle = clock.setTimeout(() => {
        timers.delete(key);
        onDue(accountId, conversationId);
      }, Math.max(0, due.dueAt - clock.now()));
      timers.set(key, { handle, dueAt: due.dueAt, kind: due.kind });
    },
    stop() {
      for (const { handle } of timers.values()) clock.clearTimeout(handle);
      timers.clear();
    },
  };
}
