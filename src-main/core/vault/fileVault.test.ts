import { chmod, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../testing/tempDir.js';
import { FileVault } from './fileVault.js';

const tempFile = async () => join(await tempDir('vault', onTestFinished), 'nested', 'credentials.json');

describe('FileVault', () => {
  it('stores, reads and deletes secrets in a 0600 file', async () => {
    const path = await tempFile();
    const vault = new FileVault(path);
    expect(await vault.get('a')).toBeNull();
    await vault.set('a', 'secret-a');
    await vault.set('b', 'secret-b');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await new FileVault(path).get('a')).toBe('secret-a');
    await vault.delete('a');
    expect(await vault.get('a')).toBeNull();
    expect(await vault.get('b')).toBe('secret-b');
  });

  it('replaces a file that had looser permissions with a 0600 one', async () => {
    const path = await tempFile();
    await new FileVault(path).set('x', 'first');
    await chmod(path, 0o644);
    await new FileVault(path).set('y', 'second');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('keeps every write when calls overlap', async () => {
    const path = await tempFile();
    const vault = new FileVault(path);
    await Promise.all(Array.from({ length: 20 }, (_, i) => vault.set(`acc${i}`, `s${i}`)));
    const stored = JSON.parse(await readFile(path, 'utf8'));
    expect(Object.keys(stored.secrets)).toHaveLength(20);
  });
});
