/**
 * `npm run bench [-- name...]`: runs every bench/*.bench.ts in its own child
 * process (one after another, so they never compete for the CPU), writes
 * bench/results/<name>.json and prints a table. Exits non-zero if any failed.
 */
import { fork } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { cpus, platform, arch, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchMessage, BenchOutput, BenchRow } from './lib/bench.js';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const RESULTS_DIR = join(BENCH_DIR, 'results');
/** Per benchmark; the whole run must stay well under two minutes on two cores (BENCH_TIMEOUT_MS for a long one-off run). */
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 90_000);

const machine = () => ({
  node: process.version,
  platform: `${platform()}-${arch()}`,
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
});

/** Forks the file with this process's loader flags (tsx), waits for its one message. */
function runChild(file: string): Promise<BenchOutput> {
  return new Promise((resolve, reject) => {
    const child = fork(file, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let message: BenchMessage | null = null;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out after ${TIMEOUT_MS / 1000} s`));
    }, TIMEOUT_MS);
    child.on('message', (m: BenchMessage) => (message = m));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (message?.ok) resolve(message.output);
      else reject(new Error(message ? message.error : `exited with ${signal ?? code} before reporting`));
    });
  });
}

function printTable(name: string, rows: BenchRow[], seconds: number): void {
  const cells = rows.map((r) => [r.metric, `${r.value.toLocaleString('en-US')} ${r.unit}`, r.note ?? '']);
  const width = [0, 1].map((c) => Math.max(...cells.map((row) => row[c]!.length)));
  console.log(`\n${name} (${seconds.toFixed(1)} s)`);
  for (const [metric, value, note] of cells) console.log(`  ${metric!.padEnd(width[0]!)}  ${value!.padStart(width[1]!)}  ${note}`);
}

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const files = (await readdir(BENCH_DIR)).filter((f) => f.endsWith('.bench.ts')).sort();
  const names = files.map((f) => f.replace(/\.bench\.ts$/, '')).filter((n) => only.length === 0 || only.includes(n));
  const unknown = only.filter((n) => !names.includes(n));
  if (unknown.length > 0 || names.length === 0) {
    console.error(`bench: no benchmark named ${unknown.join(', ') || '(none found)'}; have ${files.join(', ')}`);
    return 2;
  }
  await mkdir(RESULTS_DIR, { recursive: true });
  console.log(`bench: ${names.join(', ')} on ${machine().cpu} (${machine().cores} cores), node ${process.version}`);
  const failed: string[] = [];
  const started = Date.now();
  for (const name of names) {
    const t0 = Date.now();
    try {
      const output = await runChild(join(BENCH_DIR, `${name}.bench.ts`));
      const record = { name, date: new Date().toISOString(), machine: machine(), params: output.params, results: output.results, summary: output.table };
      await writeFile(join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(record, null, 2)}\n`);
      printTable(name, output.table, (Date.now() - t0) / 1000);
    } catch (error) {
      failed.push(name);
      console.error(`\n${name} FAILED: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log(`\nbench: ${names.length - failed.length}/${names.length} ok in ${((Date.now() - started) / 1000).toFixed(1)} s; results in bench/results/`);
  if (failed.length > 0) console.error(`bench: failed: ${failed.join(', ')}`);
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
