/**
 * Opening the hub's store (openDatabase: PGlite + migrations) on an empty data
 * dir, where PGlite runs initdb, versus reopening a dir that already holds the
 * schema. The very first open in this fresh process also pays for loading the
 * WebAssembly module, so it is reported on its own.
 */
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '../src-hub/store/database.js';
import { runBench } from './lib/bench.js';
import { makeTempDir, removeDir } from './lib/hubRig.js';
import { median, nowMs, round } from './lib/measure.js';

const REPEATS = 3;

/** Opens, waits for ready, closes; returns the time to ready. */
async function timeOpen(open: () => Promise<{ close(): Promise<void> }>): Promise<number> {
  const start = nowMs();
  const db = await open();
  const ms = nowMs() - start;
  await db.close();
  return ms;
}

const bare = async (dir: string) => {
  const db = new PGlite(dir);
  await db.waitReady;
  return db;
};

runBench(async () => {
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await makeTempDir('open');
    dirs.push(dir);
    return dir;
  };
  try {
    const coldDir = await tempDir();
    const firstInProcessMs = await timeOpen(() => openDatabase(coldDir));
    const hubEmpty: number[] = [];
    const hubReopen: number[] = [];
    const bareEmpty: number[] = [];
    const bareReopen: number[] = [];
    for (let r = 0; r < REPEATS; r++) {
      const dir = await tempDir();
      hubEmpty.push(await timeOpen(() => openDatabase(dir)));
      hubReopen.push(await timeOpen(() => openDatabase(dir)));
      const bareDir = await tempDir();
      bareEmpty.push(await timeOpen(() => bare(bareDir)));
      bareReopen.push(await timeOpen(() => bare(bareDir)));
    }
    const stat = (runs: number[]) => ({ median: round(median(runs), 1), runs: runs.map((x) => round(x, 1)) });
    return {
      params: { repeats: REPEATS },
      results: {
        hubOpenDatabaseMs: { firstInProcessEmptyDir: round(firstInProcessMs, 1), emptyDir: stat(hubEmpty), reopen: stat(hubReopen) },
        barePgliteMs: { emptyDir: stat(bareEmpty), reopen: stat(bareReopen) },
      },
      table: [
        { metric: 'hub openDatabase, empty dir, first in process', value: round(firstInProcessMs, 1), unit: 'ms', note: 'includes loading the wasm' },
        { metric: 'hub openDatabase, empty dir', value: round(median(hubEmpty), 1), unit: 'ms', note: 'initdb + migrations' },
        { metric: 'hub openDatabase, reopen', value: round(median(hubReopen), 1), unit: 'ms' },
        { metric: 'bare PGlite, empty dir', value: round(median(bareEmpty), 1), unit: 'ms' },
        { metric: 'bare PGlite, reopen', value: round(median(bareReopen), 1), unit: 'ms' },
      ],
    };
  } finally {
    await Promise.all(dirs.map(removeDir));
  }
});
