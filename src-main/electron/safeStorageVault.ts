import type { SafeStorage } from 'electron';
import type { CredentialVault } from '../core/index.js';
import { SecretFile } from '../core/index.js';

type Crypto = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>;

export class EncryptionUnavailableError extends Error {
  constructor() {
    super('OS encryption (keychain / DPAPI / libsecret) is not available: refusing to store the account token in plain text');
    this.name = 'EncryptionUnavailableError';
  }
}

/**
 * Tokens encrypted with Electron safeStorage (a key held by the OS keychain), kept
 * base64 in a 0600 file. `safeStorage` is passed in so this is testable without Electron.
 */
export class SafeStorageVault implements CredentialVault {
  private readonly file: SecretFile;

  constructor(
    path: string,
    private readonly crypto: Crypto,
  ) {
    this.file = new SecretFile(path);
  }

  async get(accountId: string): Promise<string | null> {
    const sealed = (await this.file.read())[accountId];
    if (sealed === undefined) return null;
    if (!this.crypto.isEncryptionAvailable()) throw new EncryptionUnavailableError();
    return this.crypto.decryptString(Buffer.from(sealed, 'base64'));
  }

  set(accountId: string, secret: string): Promise<void> {
    if (!this.crypto.isEncryptionAvailable()) return Promise.reject(new EncryptionUnavailableError());
    const sealed = this.crypto.encryptString(secret).toString('base64');
    return this.file.update((secrets) => {
      secrets[accountId] = sealed;
    });
  }

  delete(accountId: string): Promise<void> {
    return this.file.update((secrets) => {
      delete secrets[accountId];
    });
  }
}
