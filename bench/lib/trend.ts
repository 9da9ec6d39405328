/**
 * A least-squares line through (t, y) samples, for the soak benchmark: the slope and
 * its standard error, so "flat" means "the slope is within noise", not "exactly zero".
 */
export interface Trend {
  samples: number;
  /** y units per minute (t in ms). */
  slopePerMin: number;
  /** Standard error of the slope, same units. */
  slopeStdErrPerMin: number;
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
  if (n < 3) return { samples: n, slopePerMin: 0, slopeStdErrPerMin: 0, residualStd: 0, fittedChange: 0, flat: true, negligible: true };
  const mt = points.reduce((s, p) => s + p.t, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.t - mt) ** 2, 0);
  const slope = points.reduce((s, p) => s + (p.t - mt) * (p.y - my), 0) / sxx;
  const residuals = points.map((p) => p.y - (my + slope * (p.t - mt)));
  const sse = residuals.reduce((s, r) => s + r * r, 0);
  const residualStd = Math.sqrt(sse / (n - 2));
  const stdErr = residualStd / Math.sqrt(sxx);
  const span = points[n - 1]!.t - points[0]!.t;
  const change = slope * span;
  const perMin = 60_000;
  return { samples: n, slopePerMin: round(slope * perMin), slopeStdErrPerMin: round(stdErr * perMin), residualStd: round(residualStd), fittedChange: round(change), flat: Math.abs(slope) <= 2 * stdErr, negligible: Math.abs(change) <= floor };
}
