import type { Clock } from '../../../src-shared/clock.js';

export type { Clock, TimerHandle } from '../../../src-shared/clock.js';

/** Looks the globals up on every call, so fake timers installed later still apply. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Uniform in [0, 1): the jitter source. */
export type Random = () => number;
