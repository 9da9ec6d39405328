import type { Clock, TimerHandle } from '../routing/clock.js';

export interface FakeClock extends Clock {
  /** Moves time forward, firing every timer that falls due on the way, in order. */
  advance(ms: number): void;
  /** Timers still waiting. */
  readonly pending: number;
}

/** A clock that only moves when the test says so (sockets and storage stay real). */
export function createFakeClock(start = Date.UTC(2025, 5, 18, 2, 0, 0)): FakeClock {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; fire: () => void }>();
  const due = (until: number) => {
    let found: [number, { at: number; fire: () => void }] | null = null;
    for (const entry of timers) if (entry[1].at <= until && (!found || entry[1].at < found[1].at)) found = entry;
    return found;
  };
  return {
    now: () => now,
    setTimeout(fire, ms): TimerHandle {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), fire });
      return id;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
    advance(ms) {
      const target = now + ms;
      for (let next = due(target); next; next = due(target)) {
        timers.delete(next[0]);
        now = Math.max(now, next[1].at);
        next[1].fire();
      }
      now = target;
    },
    get pending() {
      return timers.size;
    },
  };
}
