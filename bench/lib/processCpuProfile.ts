/**
 * A V8 CPU profile of this Node process (node:inspector), summarized by self
 * time per module and per function the way cpuProfile.ts does for a page: repo
 * files by path, packages by name, Node's own code as `node:…`. Optionally the
 * raw profile is written too, for a flame view in DevTools.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { summarizeProfile, type Profile, type ProfileSummary } from './cpuProfile.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** `file:///…/node_modules/@scope/pkg/…` → `@scope/pkg`; repo files by repo path; `node:internal/…` kept. */
function moduleOf(url: string, _line: number, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  if (!url.startsWith('file://')) return url;
  const path = fileURLToPath(url);
  const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (pkg) return pkg[1]!;
  return path.startsWith(REPO) ? path.slice(REPO.length) : path;
}

export async function startProcessCpuProfile(): Promise<{ stop(top?: number, saveTo?: string): Promise<ProfileSummary> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    stop: async (top = 25, saveTo) => {
      const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
      session.disconnect();
      if (saveTo) await writeFile(saveTo, JSON.stringify(profile));
      return summarizeProfile(profile, moduleOf, top);
    },
  };
}
