import { builtinModules } from 'node:module';
import path from 'node:path';
import { LAYERS, everywherePackages, testPackages, type LayerRule } from './rules.js';

export interface SourceFile {
  /** Path relative to the repo root, with forward slashes. */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  specifier: string;
  why: string;
}

const IMPORT_PATTERNS = [
  /\bimport\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/g,
  /\bexport\s+(?:type\s+)?[^'"]*?\s+from\s+['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
];

export function importsOf(text: string): string[] {
  const found = new Set<string>();
  for (const pattern of IMPORT_PATTERNS) for (const m of text.matchAll(pattern)) found.add(m[1]!);
  return [...found];
}

const layerOf = (file: string): LayerRule | undefined => LAYERS.find((l) => file.startsWith(l.folder));
const isBuiltin = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec);
const packageName = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);

function check(file: string, rule: LayerRule, spec: string): string | null {
  if (spec.startsWith('.')) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    if (target.startsWith(rule.folder)) return null;
    const targetLayer = layerOf(target);
    if (!targetLayer) return `reaches outside every layer (${target})`;
    return rule.layers.includes(targetLayer.folder) ? null : `${rule.folder} may not import ${targetLayer.folder}`;
  }
  if (isBuiltin(spec)) return rule.node ? null : `${rule.folder} runs without Node: no built-in "${spec}"`;
  const name = packageName(spec);
  if (rule.packages.includes(name) || everywherePackages.includes(name)) return null;
  if (/\.test\.tsx?$|\/testing\.ts$/.test(file) && testPackages.includes(name)) return null;
  return name === 'electron'
    ? 'only src-main/electron may import electron'
    : `${rule.folder} may not import the package "${name}"`;
}

/** Every import that crosses a layer the wrong way. Files outside the layers are not checked. */
export function checkLayers(files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const rule = layerOf(file.path);
    if (!rule) continue;
    for (const specifier of importsOf(file.text)) {
      const why = check(file.path, rule, specifier);
      if (why) violations.push({ file: file.path, specifier, why });
    }
  }
  return violations;
}
