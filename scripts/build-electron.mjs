// Bundles the Electron shell: main (ESM) and the sandboxed preload (CommonJS).
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

const outdir = 'dist-electron';
await rm(outdir, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  external: ['electron'],
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['src-main/electron/main.ts'],
    outfile: `${outdir}/main.js`,
    format: 'esm',
    // ws's optional native helpers are loaded with try/require: leave them out.
    external: [...common.external, 'bufferutil', 'utf-8-validate'],
    // CommonJS dependencies (ws, debug) call require(): give the ESM bundle one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
  build({
    ...common,
    entryPoints: ['src-main/electron/preload.ts'],
    outfile: `${outdir}/preload.cjs`,
    format: 'cjs',
    // A sandboxed preload may require only a few modules (electron among them): everything else is inlined.
    platform: 'browser',
  }),
]);

console.log(`built ${outdir}/main.js and ${outdir}/preload.cjs`);
