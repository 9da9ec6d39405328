/** Timing helpers shared by the benchmarks: all times in milliseconds from a monotonic clock. */

export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

export const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

export interface LatencySummary {
  n: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Nearest-rank percentile of an ascending array. */
const percentile = (sorted: number[], p: number): number => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

export function summarize(samplesMs: number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, x) => sum + x, 0) / sorted.length;
  return {
    n: sorted.length,
    meanMs: round(mean, 3),
    p50Ms: round(percentile(sorted, 50), 3),
    p95Ms: round(percentile(sorted, 95), 3),
    p99Ms: round(percentile(sorted, 99), 3),
    maxMs: round(sorted.at(-1) ?? NaN, 3),
  };
}

export const median = (values: number[]): number => summarize(values).p50Ms;

/** Runs `op(0..n-1)` one after another and returns each round trip. */
export async function sequential(n: number, op: (i: number) => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = nowMs();
    await op(i);
    samples.push(nowMs() - start);
  }
  return samples;
}

export interface Throughput {
  n: number;
  window: number;
  seconds: number;
  perSecond: number;
}

/** Runs `op(0..n-1)` with at most `window` in flight; the first failure rejects. */
export async function windowed(n: number, window: number, op: (i: number) => Promise<void>): Promise<Throughput> {
  let next = 0;
  const start = nowMs();
  const worker = async () => {
    while (next < n) await op(next++);
  };
  await Promise.all(Array.from({ length: Math.min(window, n) }, worker));
  const seconds = (nowMs() - start) / 1000;
  return { n, window, seconds: round(seconds, 3), perSecond: round(n / seconds, 1) };
}

/** Rejects with `what` if `promise` has not settled after `ms`: a benchmark must never hang. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
