/**
 * The contract between one `*.bench.ts` file and `run.ts`: each benchmark runs
 * in its own child process (fresh heap, cold WebAssembly) and sends one message back.
 */

export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  /** e.g. "38% of raw socket.io" */
  note?: string;
}

export interface BenchOutput {
  params: Record<string, unknown>;
  results: Record<string, unknown>;
  table: BenchRow[];
}

export type BenchMessage = { ok: true; output: BenchOutput } | { ok: false; error: string };

/** Call once at the bottom of a bench file: runs it, reports to the parent, exits. */
export function runBench(main: () => Promise<BenchOutput>): void {
  const finish = (message: BenchMessage, code: number) => {
    if (process.send) process.send(message, () => process.exit(code));
    else {
      console.log(JSON.stringify(message, null, 2));
      process.exit(code);
    }
  };
  main().then(
    (output) => finish({ ok: true, output }, 0),
    (error: unknown) => finish({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, 1),
  );
}

/** `value` as a percentage of `of`, for the notes column. */
export const pct = (value: number, of: number): number => Math.round((value / of) * 1000) / 10;
