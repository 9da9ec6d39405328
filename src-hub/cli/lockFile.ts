import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface HubLock {
  pid: number;
  port: number;
  url: string;
}

export const lockPath = (dataDir: string): string => join(dataDir, 'hub.lock');

/** `flag: 'wx'` fails if the file exists, so two hubs cannot both think they own the data dir. */
export const writeLock = (dataDir: string, lock: HubLock): Promise<void> =>
  writeFile(lockPath(dataDir), JSON.stringify(lock), { flag: 'wx', mode: 0o600 });

export const removeLock = (dataDir: string): Promise<void> => rm(lockPath(dataDir), { force: true });

/** The lock of a hub that is running now; a lock left by a crashed hub counts as none. */
export async function readLiveLock(dataDir: string): Promise<HubLock | null> {
  let lock: HubLock;
  try {
    lock = JSON.parse(await readFile(lockPath(dataDir), 'utf8')) as HubLock;
  } catch {
    return null;
  }
  return Number.isInteger(lock.pid) && isAlive(lock.pid) ? lock : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
