import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../core/testing/tempDir.js';
import { EncryptionUnavailableError, SafeStorageVault } from './safeStorageVault.js';

/** A reversible stand-in for the OS keychain cipher. */
const fakeCrypto = (available = true) => ({
  isEncryptionAvailable: () => available,
  encryptString: (text: string) => Buffer.from(`sealed:${[...text].reverse().join('')}`),
  decryptString: (data: Buffer) => [...data.toString().replace(/^sealed:/, '')].reverse().join(''),
});

const tempPath = async () => join(await tempDir('safe', onTestFinished), 'credentials.safe.json');

describe('SafeStorageVault', () => {
  it('stores only the encrypted token and reads it back', async () => {
    const path = await tempPath();
    const vault = new SafeStorageVault(path, fakeCrypto());
    await vault.set('shop1', 'ws1.shop1.t1.secretsecretsecret');
    expect(await readFile(path, 'utf8')).not.toContain('secretsecretsecret');
    expect(await new SafeStorageVault(path, fakeCrypto()).get('shop1')).toBe('ws1.shop1.t1.secretsecretsecret');
    await vault.delete('shop1');
    expect(await vault.get('shop1')).toBeNull();
  });

  it('refuses to store when OS encryption is unavailable', async () => {
    const path = await tempPath();
    const vault = new SafeStorageVault(path, fakeCrypto(false));
    await expect(vault.set('shop1', 'token')).rejects.toBeInstanceOf(EncryptionUnavailableError);
    await expect(readFile(path)).rejects.toThrow(/ENOENT/);
  });
});
