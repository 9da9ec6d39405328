import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh directory under the OS temp dir, removed when the test finishes: pass vitest's
 * `onTestFinished` (callable from the test or its beforeEach). Test runs used to leave
 * hundreds of these behind.
 */
export async function tempDir(prefix: string, onTestFinished: (cleanup: () => Promise<void>) => void): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
