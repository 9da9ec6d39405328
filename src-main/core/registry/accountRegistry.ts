import { rename } from 'node:fs/promises';
import { createSerialQueue, readJsonFile, writeFileAtomic } from '../fs/atomicFile.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import { migrate, type MigrationStep } from './migrate.js';
import { type AccountRecord, REGISTRY_VERSION, RegistryFile } from './registryFormat.js';
import { registryMigrations } from './registryMigrations.js';

export interface RegistryOptions {
  path: string;
  log: Logger;
  clock: Clock;
  /** Overridable for tests of the migration runner. */
  migrations?: readonly MigrationStep<never, unknown>[];
  version?: number;
}

/** The accounts main knows about, in memory, persisted after every change. */
export class AccountRegistry {
  private readonly rows = new Map<string, AccountRecord>();
  private readonly queue = createSerialQueue();
  private loading: Promise<void> | null = null;

  constructor(private readonly options: RegistryOptions) {}

  /** Loads (and migrates) the file once; every later call returns the same promise. */
  load(): Promise<void> {
    this.loading ??= this.readFile();
    return this.loading;
  }

  list(): AccountRecord[] {
    return [...this.rows.values()];
  }

  get(id: string): AccountRecord | undefined {
    return this.rows.get(id);
  }

  async add(record: AccountRecord): Promise<void> {
    this.rows.set(record.id, record);
    await this.save();
  }

  async update(id: string, patch: Partial<Omit<AccountRecord, 'id'>>): Promise<AccountRecord | undefined> {
    const row = this.rows.get(id);
    if (!row) return undefined;
    const next = { ...row, ...patch };
    this.rows.set(id, next);
    await this.save();
    return next;
  }

  async remove(id: string): Promise<boolean> {
    if (!this.rows.delete(id)) return false;
    await this.save();
    return true;
  }

  /** Resolves once every write queued so far is on disk. */
  idle(): Promise<void> {
    return this.queue(async () => undefined);
  }

  private save(): Promise<void> {
    const doc: RegistryFile = { version: REGISTRY_VERSION, accounts: this.list() };
    return this.queue(() => writeFileAtomic(this.options.path, `${JSON.stringify(doc, null, 2)}\n`));
  }

  private async readFile(): Promise<void> {
    const { path, log } = this.options;
    let raw: unknown;
    try {
      raw = await readJsonFile(path);
    } catch (error) {
      return this.setAside(`unreadable: ${(error as Error).message}`);
    }
    if (raw === undefined) return;
    const target = this.options.version ?? REGISTRY_VERSION;
    const result = migrate(raw, this.options.migrations ?? registryMigrations, target, RegistryFile);
    if (!result.ok) {
      // A newer file belongs to a newer build: refuse to start rather than overwrite it.
      if (result.error.code === 'conflict') throw new Error(`account registry: ${result.error.message}`);
      return this.setAside(result.error.message);
    }
    for (const row of result.value.doc.accounts) this.rows.set(row.id, row);
    if (result.value.from !== target) {
      log.info('account registry migrated', { from: result.value.from, to: target });
      await this.save();
    }
  }

  /** Keeps a broken file for inspection and starts empty (tokens stay in the vault). */
  private async setAside(why: string): Promise<void> {
    const aside = `${this.options.path}.broken-${this.options.clock.now()}`;
    await rename(this.options.path, aside);
    this.options.log.error('account registry unreadable; set aside, starting empty', { why, aside });
  }
}
