/** An opaque handle from `Clock.setTimeout`. */
export type TimerHandle = unknown;

/**
 * Time as a port: timers and stamps go through it, so tests drive them with a fake
 * clock (reconnect backoff in main, SLA and grace timers in the hub).
 */
export interface Clock {
  now(): number;
  setTimeout(fire: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}
