import type { CredentialVault } from './credentialVault.js';
import { SecretFile } from './secretFile.js';

/**
 * Tokens in a JSON file readable only by this user (mode 0600, atomic rewrite).
 * This is the WEAKER option: any process running as the user can read it. The
 * Electron shell uses SafeStorageVault (OS keychain / DPAPI / libsecret) instead;
 * FileVault is for the headless web host, tests and development.
 */
export class FileVault implements CredentialVault {
  private readonly file: SecretFile;

  constructor(path: string) {
    this.file = new SecretFile(path);
  }

  async get(accountId: string): Promise<string | null> {
    return (await this.file.read())[accountId] ?? null;
  }

  set(accountId: string, secret: string): Promise<void> {
    return this.file.update((secrets) => {
      secrets[accountId] = secret;
    });
  }

  delete(accountId: string): Promise<void> {
    return this.file.update((secrets) => {
      delete secrets[accountId];
    });
  }
}
