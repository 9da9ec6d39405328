/**
 * A shopping-festival surge (618, 双十一): the rate climbs linearly to its peak,
 * holds, and stops. Always bounded, in messages and in time.
 */
export interface BurstProfile {
  /** Messages per second at the top of the surge. */
  peakPerSecond: number;
  /** From 0 to the peak. */
  rampMs: number;
  /** At the peak, after the ramp. */
  holdMs: number;
  /** Never more than this many messages, whatever the rates say. */
  maxMessages: number;
}

/** The demo's 618: modest enough for a laptop, steep enough to fill the queues. */
export const BURST_618: BurstProfile = { peakPerSecond: 50, rampMs: 5_000, holdMs: 20_000, maxMessages: 2_000 };

/** Hard limits, so a typo cannot turn the simulator into a flood. */
export const MAX_BURST_RATE = 10_000;
export const MAX_BURST_MS = 5 * 60_000;
export const MAX_BURST_MESSAGES = 200_000;

export const burstDurationMs = (profile: BurstProfile): number => profile.rampMs + profile.holdMs;

/** Messages due from the start to `elapsedMs`: the integral of the rate, capped by maxMessages. */
export function messagesDueBy(profile: BurstProfile, elapsedMs: number): number {
  const t = Math.min(Math.max(0, elapsedMs), burstDurationMs(profile));
  const ramp = Math.min(t, profile.rampMs);
  const perMs = profile.peakPerSecond / 1000;
  const during = profile.rampMs > 0 ? (perMs * ramp * ramp) / (2 * profile.rampMs) : 0;
  const held = perMs * Math.max(0, t - profile.rampMs);
  return Math.min(profile.maxMessages, Math.floor(during + held));
}

/** The profile, or why it is refused (over the hard limits, or not positive). */
export function checkBurstProfile(profile: BurstProfile): string | null {
  if (!(profile.peakPerSecond > 0 && profile.peakPerSecond <= MAX_BURST_RATE)) return `peakPerSecond must be in (0, ${MAX_BURST_RATE}]`;
  if (!(profile.rampMs >= 0 && profile.holdMs >= 0 && burstDurationMs(profile) > 0 && burstDurationMs(profile) <= MAX_BURST_MS)) return `ramp + hold must be in (0, ${MAX_BURST_MS}] ms`;
  if (!(Number.isInteger(profile.maxMessages) && profile.maxMessages > 0 && profile.maxMessages <= MAX_BURST_MESSAGES)) return `maxMessages must be an integer in [1, ${MAX_BURST_MESSAGES}]`;
  return null;
}
