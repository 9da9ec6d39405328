/**
 * Where account tokens live. Nothing else in main (not the account registry,
 * not the logs) ever holds a token at rest.
 */
export interface CredentialVault {
  get(accountId: string): Promise<string | null>;
  set(accountId: string, secret: string): Promise<void>;
  delete(accountId: string): Promise<void>;
}

/** For tests and throwaway demos: forgets everything on exit. */
export class MemoryVault implements CredentialVault {
  private readonly secrets = new Map<string, string>();
  async get(accountId: string): Promise<string | null> {
    return this.secrets.get(accountId) ?? null;
  }
  async set(accountId: string, secret: string): Promise<void> {
    this.secrets.set(accountId, secret);
  }
  async delete(accountId: string): Promise<void> {
    this.secrets.delete(accountId);
  }
}
