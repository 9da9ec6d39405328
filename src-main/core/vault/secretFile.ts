import { z } from 'zod';
import { createSerialQueue, readJsonFile, writeFileAtomic } from '../fs/atomicFile.js';

const SecretFileFormat = z.object({ version: z.literal(1), secrets: z.record(z.string(), z.string()) });

/**
 * A JSON map `accountId → string` in one 0600 file, rewritten atomically. Shared by
 * FileVault (plain secrets) and the Electron SafeStorageVault (encrypted, base64).
 */
export class SecretFile {
  private readonly queue = createSerialQueue();

  constructor(private readonly path: string) {}

  async read(): Promise<Record<string, string>> {
    const raw = await readJsonFile(this.path);
    if (raw === undefined) return {};
    const parsed = SecretFileFormat.safeParse(raw);
    if (!parsed.success) throw new Error(`credential file ${this.path} is not in the expected format`);
    return parsed.data.secrets;
  }

  /** Read-modify-write under the queue, so concurrent updates never lose each other. */
  update(change: (secrets: Record<string, string>) => void): Promise<void> {
    return this.queue(async () => {
      const secrets = await this.read();
      change(secrets);
      await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, secrets }, null, 2)}\n`, 0o600);
    });
  }
}
