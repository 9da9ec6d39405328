import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newSecret } from '../auth/secrets.js';

export const adminSecretPath = (dataDir: string): string => join(dataDir, 'admin.secret');

/**
 * The admin API's bearer secret, made at first start and kept beside the data
 * (mode 0600: only the hub's user may read it). Without a data dir it lives in memory only.
 */
export async function loadOrCreateAdminSecret(dataDir: string | null): Promise<string> {
  if (dataDir === null) return newSecret();
  const path = adminSecretPath(dataDir);
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = newSecret();
  await writeFile(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

/** Compares digests so the comparison takes the same time whatever the lengths. */
export function bearerMatches(header: string | undefined, secret: string): boolean {
  const presented = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(secret));
}
