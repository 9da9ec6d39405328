/**
 * A V8 CPU profile of one page over CDP, summarized by self time per module and per
 * function. Modules come from the `// <path>` comments rolldown writes before each
 * module in an unminified bundle, so "what dominates" names a file, not a line of
 * one big chunk.
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import { round } from './measure.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  sampledMs: number;
  /** Self time per module (package name or repo path), busiest first; `(idle)` excluded. */
  byModule: Array<{ module: string; ms: number; pct: number }>;
  byFunction: Array<{ fn: string; module: string; ms: number; pct: number }>;
}

const MODULE_COMMENT = /^\/\/ ((?:node_modules|src-renderer|src-shared|bench)\/\S+\.(?:m?js|cjs|tsx?))$/;

/** `node_modules/@scope/pkg/...` → `@scope/pkg`; repo files keep their path. */
const moduleName = (path: string): string => {
  const m = path.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  return m ? m[1]! : path;
};

/** Line → module for one bundle file (0-based lines, as CDP reports them). */
async function moduleIndex(file: string): Promise<(line: number) => string> {
  const starts: Array<[number, string]> = [];
  const lines = (await readFile(file, 'utf8')).split('\n');
  lines.forEach((text, i) => {
    const m = text.match(MODULE_COMMENT);
    if (m) starts.push([i, moduleName(m[1]!)]);
  });
  return (line) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = '(bundle prelude)';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]![0] <= line) {
        found = starts[mid]![1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

export async function startCpuProfile(page: Page, siteDir: string): Promise<{ stop(top?: number): Promise<ProfileSummary> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return {
    stop: async (top = 12) => {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      await cdp.detach().catch(() => undefined);
      const indexes = new Map<string, (line: number) => string>();
      const moduleOf = async (url: string, line: number, fn: string): Promise<string> => {
        if (!url) return fn.startsWith('(') ? fn : '(native)';
        const path = new URL(url).pathname;
        if (!path.endsWith('.js')) return basename(path) || url;
        if (!indexes.has(path)) indexes.set(path, await moduleIndex(join(siteDir, path)).catch(() => () => basename(path)));
        return indexes.get(path)!(line);
      };
      return summarizeProfile(profile, moduleOf, top);
    },
  };
}

/** Self time per module and per function; `moduleOf` names where a frame's code lives. */
export async function summarizeProfile(
  profile: Profile,
  moduleOf: (url: string, line: number, fn: string) => string | Promise<string>,
  top = 12,
): Promise<ProfileSummary> {
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const modules = new Map<string, number>();
  const functions = new Map<string, { fn: string; module: string; us: number }>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = byNode.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (us === 0 || functionName === '(idle)') continue;
    total += us;
    const module = await moduleOf(url, lineNumber, functionName);
    modules.set(module, (modules.get(module) ?? 0) + us);
    const key = `${functionName || '(anonymous)'}@${module}`;
    const entry = functions.get(key) ?? { fn: functionName || '(anonymous)', module, us: 0 };
    entry.us += us;
    functions.set(key, entry);
  }
  const pct = (us: number) => round((us / Math.max(1, total)) * 100, 1);
  return {
    sampledMs: round(total / 1000, 0),
    byModule: [...modules]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([module, us]) => ({ module, ms: round(us / 1000, 0), pct: pct(us) })),
    byFunction: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ fn: f.fn, module: f.module, ms: round(f.us / 1000, 0), pct: pct(f.us) })),
  };
}
