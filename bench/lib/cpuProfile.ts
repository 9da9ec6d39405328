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
  children?: number[];
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
  /**
   * The longest stretches of back-to-back busy samples (no idle sample between): a long
   * task seen from inside. Each names the frames on the stack for most of it (inclusive
   * time, one count per sample per frame), outermost first, so "what made it long" reads
   * as a call path rather than a list of leaf functions.
   */
  busiest: Array<{ ms: number; frames: Array<{ fn: string; module: string; pct: number }> }>;
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
  const busiest = await Promise.all(
    busyStretches(profile)
      .slice(0, 3)
      .map(async (stretch) => ({
        ms: round(stretch.us / 1000, 1),
        frames: await Promise.all(
          stretch.frames.slice(0, top).map(async ({ node, share }) => {
            const { functionName, url, lineNumber } = node.callFrame;
            return { fn: functionName || '(anonymous)', module: await moduleOf(url, lineNumber, functionName), pct: round(share * 100, 0) };
          }),
        ),
      })),
  );
  return {
    busiest,
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

const MIN_STRETCH_US = 30_000;
/** Frames on the stack for less than this share of a stretch are not named. */
const MIN_FRAME_SHARE = 0.2;

/**
 * Busy stretches of at least 30 ms, longest first, each with the frames on the stack for
 * at least a fifth of its samples, outermost first (by depth, then by share).
 */
function busyStretches(profile: Profile): Array<{ us: number; frames: Array<{ node: ProfileNode; share: number }> }> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const depth = (id: number) => {
    let d = 0;
    for (let p = parent.get(id); p !== undefined; p = parent.get(p)) d++;
    return d;
  };
  const stretches: Array<{ us: number; samples: number[] }> = [];
  let current: { us: number; samples: number[] } | null = null;
  profile.samples.forEach((id, i) => {
    const idle = byId.get(id)?.callFrame.functionName === '(idle)';
    if (idle) {
      if (current && current.us >= MIN_STRETCH_US) stretches.push(current);
      current = null;
      return;
    }
    current ??= { us: 0, samples: [] };
    current.us += profile.timeDeltas[i + 1] ?? 0; // a sample lasts until the next one
    current.samples.push(id);
  });
  if (current && (current as { us: number }).us >= MIN_STRETCH_US) stretches.push(current);
  return stretches
    .sort((a, b) => b.us - a.us)
    .map(({ us, samples }) => {
      // One count per sample per function (a function reached by two paths is one frame).
      const onStack = new Map<string, { node: ProfileNode; count: number; depth: number }>();
      for (const leaf of samples) {
        const seen = new Set<string>();
        for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
          const node = byId.get(id)!;
          const f = node.callFrame;
          const key = `${f.functionName}@${f.url}:${f.lineNumber}`;
          if (seen.has(key) || f.functionName === '(root)') continue;
          seen.add(key);
          const entry = onStack.get(key) ?? { node, count: 0, depth: depth(id) };
          entry.count++;
          entry.depth = Math.min(entry.depth, depth(id));
          onStack.set(key, entry);
        }
      }
      const frames = [...onStack.values()]
        .map(({ node, count, depth: d }) => ({ node, share: count / samples.length, depth: d }))
        .filter((f) => f.share >= MIN_FRAME_SHARE)
        .sort((a, b) => a.depth - b.depth || b.share - a.share)
        .map(({ node, share }) => ({ node, share }));
      return { us, frames };
    });
}
