import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub, type HubOptions, type RunningHub } from '../index.js';

export interface TestHub {
  hub: RunningHub;
  dataDir: string;
  /** Closes the hub and deletes its data dir. */
  dispose(): Promise<void>;
}

export const makeTempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'hub-test-'));

/** A real hub on a random loopback port over a fresh temp data dir. */
export async function startTestHub(dataDir?: string, options: Partial<HubOptions> = {}): Promise<TestHub> {
  const dir = dataDir ?? (await makeTempDir());
  const hub = await startHub({ dataDir: dir, port: 0, ...options });
  return {
    hub,
    dataDir: dir,
    dispose: async () => {
      await hub.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
/** Unique ids per test so tests sharing one hub never see each other's accounts. */
export const uniqueId = (prefix: string): string => `${prefix}-${process.pid}-${++counter}`;
