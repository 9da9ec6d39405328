import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceFile } from './checkLayers.js';

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

/** Every source file under the given top-level folders. */
export function readSources(root: string, folders: readonly string[]): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (SOURCE.test(entry.name)) files.push({ path: rel, text: readFileSync(path.join(root, rel), 'utf8') });
    }
  };
  for (const folder of folders) walk(folder);
  return files;
}
