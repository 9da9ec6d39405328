import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../testing/tempDir.js';
import { systemClock } from '../ports/clock.js';
import { memoryLogger } from '../testing/fixtures.js';
import { AccountRegistry } from './accountRegistry.js';
import { migrate, migrationStep } from './migrate.js';
import { type AccountRecord, RegistryFile } from './registryFormat.js';

const row = (id: string, cursor = 0): AccountRecord => ({
  id,
  hubUrl: 'http://127.0.0.1:4000',
  name: id,
  channel: null,
  person: null,
  cursor,
  addedAt: 1,
});

let dir: string;
let path: string;
const open = (extra: Partial<ConstructorParameters<typeof AccountRegistry>[0]> = {}) =>
  new AccountRegistry({ path, log: memoryLogger(), clock: systemClock, ...extra });

beforeEach(async () => {
  dir = await tempDir('registry', onTestFinished);
  path = join(dir, 'accounts.json');
});

describe('AccountRegistry', () => {
  it('persists rows and cursors across instances, in a versioned 0600 file without tokens', async () => {
    const first = open();
    await first.load();
    await first.add(row('a'));
    await first.add(row('b'));
    await first.update('a', { cursor: 42, name: 'Shop A' });
    await first.remove('b');

    const second = open();
    await second.load();
    expect(second.list()).toEqual([{ ...row('a', 42), name: 'Shop A' }]);
    const raw = JSON.parse(await readFile(path, 'utf8'));
    expect(raw.version).toBe(1);
    expect(JSON.stringify(raw)).not.toMatch(/ws1\.|token/);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('runs migration steps in order and saves the migrated file', async () => {
    // A pretend v0 (test only): rows had no name/channel/person/addedAt yet.
    type V0 = { version: 0; accounts: { id: string; hubUrl: string; cursor: number }[] };
    const step = migrationStep<V0, Omit<RegistryFile, 'version'>>(0, (v0) => ({
      accounts: v0.accounts.map((a) => ({ ...a, name: a.id, channel: null, person: null, addedAt: 0 })),
    }));
    await writeFile(path, JSON.stringify({ version: 0, accounts: [{ id: 'a', hubUrl: 'http://h:1', cursor: 7 }] }));
    const log = memoryLogger();
    const registry = open({ migrations: [step], log });
    await registry.load();
    expect(registry.get('a')).toEqual({ id: 'a', hubUrl: 'http://h:1', cursor: 7, name: 'a', channel: null, person: null, addedAt: 0 });
    await registry.idle();
    expect(JSON.parse(await readFile(path, 'utf8')).version).toBe(1);
    expect(log.entries).toContainEqual(expect.objectContaining({ message: 'account registry migrated', fields: { from: 0, to: 1 } }));
  });

  it('refuses a file written by a newer build instead of overwriting it', async () => {
    await writeFile(path, JSON.stringify({ version: 9, accounts: [] }));
    await expect(open().load()).rejects.toThrow(/newer/);
    expect(JSON.parse(await readFile(path, 'utf8')).version).toBe(9);
  });

  it('sets a corrupt file aside and starts empty', async () => {
    await writeFile(path, '{ not json');
    const log = memoryLogger();
    const registry = open({ log });
    await registry.load();
    expect(registry.list()).toEqual([]);
    expect((await readdir(dir)).some((f) => f.startsWith('accounts.json.broken-'))).toBe(true);
    expect(log.entries.some((e) => e.level === 'error')).toBe(true);
  });

  it('reports a missing step rather than guessing', () => {
    const result = migrate({ version: 0, accounts: [] }, [], 1, RegistryFile);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
