import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../testing/tempDir.js';
import { createCore, type Core } from '../createCore.js';
import { type FakeSocket, fakeSocketFactory } from '../testing/fakeSocket.js';
import { memoryLogger, TOKEN } from '../testing/fixtures.js';
import { ManualClock } from '../testing/manualClock.js';
import { MemoryVault } from '../vault/credentialVault.js';

/** `accounts/reconnect` through the core: what wake-from-sleep, network-back and "retry" call. */
const HUB = 'http://127.0.0.1:4999';
const TOKEN2 = TOKEN.replace('.shop1.', '.shop2.');
let dataDir: string;
let vault: MemoryVault;
let clock: ManualClock;
let sockets: FakeSocket[];
let core: Core;

const boot = async () => {
  const fake = fakeSocketFactory();
  sockets = fake.sockets;
  core = createCore({ dataDir, vault, clock, log: memoryLogger(), socketFactory: fake.factory, random: () => 0.999 });
  await core.start();
};
const socketsOf = (accountId: string) => sockets.filter((s) => s.request.auth.accountId === accountId);
const lastOf = (accountId: string) => socketsOf(accountId).at(-1)!;
const reconnect = (input: object) => core.handlers.invoke('accounts/reconnect', input);
const statusOf = async (accountId: string) => {
  const list = await core.handlers.invoke('accounts/list', {});
  return list.ok ? (list.value as { id: string; status: string }[]).find((a) => a.id === accountId)?.status : null;
};

beforeEach(async () => {
  dataDir = await tempDir('reconnect', onTestFinished);
  vault = new MemoryVault();
  clock = new ManualClock();
  await boot();
  return () => core.stop();
});

describe('accounts/reconnect', () => {
  it('connects every offline account at once, one connection however often it is called', async () => {
    await core.handlers.invoke('accounts/add', { hubUrl: HUB, token: TOKEN });
    await core.handlers.invoke('accounts/add', { hubUrl: HUB, token: TOKEN2 });
    lastOf('shop1').refuse('xhr poll error');
    lastOf('shop2').refuse('auth/invalid-token');
    expect(await statusOf('shop1')).toBe('offline');
    expect(await statusOf('shop2')).toBe('auth-failed');

    const answers = await Promise.all(Array.from({ length: 10 }, () => reconnect({})));
    expect(answers).toEqual(Array(10).fill({ ok: true, value: {} }));
    expect(socketsOf('shop1')).toHaveLength(2);
    expect(socketsOf('shop2')).toHaveLength(1); // auth-failed waits for an explicit retry
    expect(await statusOf('shop1')).toBe('connecting');
    expect(clock.pending).toBe(0); // no backoff timer left to fire a second connection
  });

  it('retries one auth-failed account when named, and only that one', async () => {
    await core.handlers.invoke('accounts/add', { hubUrl: HUB, token: TOKEN });
    await core.handlers.invoke('accounts/add', { hubUrl: HUB, token: TOKEN2 });
    lastOf('shop1').refuse('auth/revoked-token');
    lastOf('shop2').refuse('xhr poll error');
    for (let i = 0; i < 10; i += 1) await reconnect({ accountId: 'shop1' });
    expect(socketsOf('shop1')).toHaveLength(2);
    expect(socketsOf('shop2')).toHaveLength(1);
    expect(await statusOf('shop1')).toBe('connecting');
  });

  it('answers not-found for an unknown account', async () => {
    expect(await reconnect({ accountId: 'nobody' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('opens a named account whose token is back in the vault, once', async () => {
    await core.handlers.invoke('accounts/add', { hubUrl: HUB, token: TOKEN });
    await core.stop();
    await vault.delete('shop1');
    await boot();
    expect(sockets).toHaveLength(0);
    await reconnect({});
    expect(sockets).toHaveLength(0); // nothing to connect with
    await vault.set('shop1', TOKEN);
    await Promise.all(Array.from({ length: 5 }, () => reconnect({ accountId: 'shop1' })));
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.request.auth).toMatchObject({ accountId: 'shop1', token: TOKEN });
  });
});
