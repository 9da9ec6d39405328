/** `startHub({ routing })`: timings of presence and the live queue numbers. */
export interface RoutingOptions {
  /** How long a person whose last connection closed stays online (a reload, a network blip). Default 30 s. */
  offlineGraceMs?: number;
  /** How often leads and supervisors get queue.stats while something changed. Default 1 s. */
  statsIntervalMs?: number;
}

export const DEFAULT_OFFLINE_GRACE_MS = 30_000;
export const DEFAULT_STATS_INTERVAL_MS = 1_000;
