import type { Clock } from '../../src-shared/clock.js';

export type { Clock, TimerHandle } from '../../src-shared/clock.js';

/** The hub's system clock: in tests a fake one runs SLA and grace timers fast and deterministically. */
export const systemClock: Clock = {
  now: () => Date.now(),
  // Unref'd: a pending SLA timer must never keep a closing process alive.
  setTimeout: (fire, ms) => setTimeout(fire, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
