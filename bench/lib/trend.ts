/**
 * A least-squares line through (t, y) samples, for the soak benchmark: the slope and
 * its standard error, so "flat" means "the slope is within noise", not "exactly zero".
 */
export interface Trend {
  samples: number;
  /** y units per minute (t in ms). */
  slopePerMin: number;
  /**
   * Standard error of the slope, same units, widened for autocorrelated residuals
   * (heap samples 2 s apart are not independent: a GC cycle or a cache spans several),
   * by sqrt((1 + r1) / (1 - r1)) with r1 the lag-1 autocorrelation of the residuals.
   */
  slopeStdErrPerMin: number;
  /** The plain least-squares standard error (independent samples assumed). */
  naiveStdErrPerMin: number;
  /** Lag-1 autocorrelation of the residuals. */
  residualLag1: number;
  /** Standard deviation of the residuals around the line (y units). */
  residualStd: number;
  /** What the line says changed over the fitted window (y units). */
  fittedChange: number;
  /** No growth trend: the slope is within 2 standard errors of zero. */
  flat: boolean;
  /** Whatever the statistics say, the fitted change stays under `floor` (e.g. 1 MB). */
  negligible: boolean;
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

export function linearTrend(points: ReadonlyArray<{ t: number; y: number }>, floor = 0): Trend {
  const n = points.length;
  if (n < 3) return { samples: n, slopePerMin: 0, slopeStdErrPerMin: 0, naiveStdErrPerMin: 0, residualLag1: 0, residualStd: 0, fittedChange: 0, flat: true, negligible: true };
  const mt = points.reduce((s, p) => s + p.t, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.t - mt) ** 2, 0);
  const slope = points.reduce((s, p) => s + (p.t - mt) * (p.y - my), 0) / sxx;
  const residuals = points.map((p) => p.y - (my + slope * (p.t - mt)));
  const sse = residuals.reduce((s, r) => s + r * r, 0);
  const residualStd = Math.sqrt(sse / (n - 2));
  const naive = residualStd / Math.sqrt(sxx);
  const lag1 = sse === 0 ? 0 : residuals.slice(1).reduce((s, r, i) => s + r * residuals[i]!, 0) / sse;
  const r1 = Math.min(0.95, Math.max(0, lag1));
  const stdErr = naive * Math.sqrt((1 + r1) / (1 - r1));
  const span = points[n - 1]!.t - points[0]!.t;
  const change = slope * span;
  const perMin = 60_000;
  return { samples: n, slopePerMin: round(slope * perMin), slopeStdErrPerMin: round(stdErr * perMin), naiveStdErrPerMin: round(naive * perMin), residualLag1: round(lag1), residualStd: round(residualStd), fittedChange: round(change), flat: Math.abs(slope) <= 2 * stdErr, negligible: Math.abs(change) <= floor };
}
