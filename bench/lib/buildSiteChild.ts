/**
 * Builds the site in a child process, so the build's memory never shows in the RSS of
 * the process a benchmark samples. Run as a script: `buildSiteChild.ts <outDir>`.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildSite } from './browserRig.js';

const SELF = fileURLToPath(import.meta.url);

export function buildSiteInChild(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(SELF, [outDir], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`site build exited with ${code}`))));
  });
}

// BENCH_UNMINIFIED=1 keeps function names, so a soak's heap snapshots name their closures.
if (process.argv[1] === SELF && process.argv[2]) {
  buildSite(process.argv[2], { minify: process.env.BENCH_UNMINIFIED !== '1' }).then(
    () => process.exit(0),
    (error: unknown) => (console.error(error), process.exit(1)),
  );
}
