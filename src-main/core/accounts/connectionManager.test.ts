import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../testing/tempDir.js';
import type { AccountView } from '../../../src-shared/bridge/contract.js';
import { createCore, type Core } from '../createCore.js';
import { type FakeSocket, fakeSocketFactory } from '../testing/fakeSocket.js';
import { memoryLogger, presence, session, TOKEN } from '../testing/fixtures.js';
import { MemoryVault } from '../vault/credentialVault.js';

const HUB = 'http://127.0.0.1:4999';
let dataDir: string;
let vault: MemoryVault;
let sockets: FakeSocket[];
let core: Core;
let statuses: AccountView[];
let received: number[][];

const boot = async () => {
  const fake = fakeSocketFactory();
  sockets = fake.sockets;
  core = createCore({ dataDir, vault, log: memoryLogger(), socketFactory: fake.factory, tuning: { backoff: { baseMs: 5, capMs: 5 } } });
  statuses = [];
  received = [];
  core.onPush((name, payload) => {
    if (name === 'accounts/status-changed') statuses.push(payload as AccountView);
    if (name === 'events/received') received.push((payload as { events: { seq: number }[] }).events.map((e) => e.seq));
  });
  await core.start();
};
const last = () => sockets.at(-1)!;
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

beforeEach(async () => {
  dataDir = await tempDir('manager', onTestFinished);
  vault = new MemoryVault();
  await boot();
  return () => core.stop();
});

describe('ConnectionManager through the core', () => {
  it('learns the account identity from session.opened, goes online after sync.done and pushes events', async () => {
    await core.handlers.invoke('accounts/add', { hubUrl: HUB, token: TOKEN });
    expect(last().request.auth).toEqual({ accountId: 'shop1', token: TOKEN, cursor: 0, frames: 'batched' });
    last().accept();
    expect(statuses.at(-1)).toMatchObject({ status: 'connecting', missed: null });
    last().serverEmit('session.opened', { ...session(), headSeq: 2 });
    expect(statuses.at(-1)).toMatchObject({ status: 'syncing', missed: 2 });
    last().serverEmit('event', presence(1));
    last().serverEmit('event', presence(2));
    last().serverEmit('sync.done', { seq: 2 });
    await tick();
    expect(received).toEqual([[1, 2]]);
    expect(statuses.at(-1)).toMatchObject({
      status: 'online',
      missed: null,
      syncedAt: expect.any(Number),
      name: 'Shop One',
      channel: 'taobao',
      person: { role: 'agent' },
    });
  });

  it('persists committed cursors (forward only) and reconnects from them after a restart', async () => {
    await core.handlers.invoke('accounts/add', { hubUrl: HUB, token: TOKEN });
    await core.handlers.invoke('events/committed', { accountId: 'shop1', seq: 9 });
    await core.handlers.invoke('events/committed', { accountId: 'shop1', seq: 4 });
    await core.stop();
    expect(JSON.parse(await readFile(join(dataDir, 'accounts.json'), 'utf8')).accounts[0].cursor).toBe(9);
    await boot();
    expect(last().request.auth.cursor).toBe(9);
  });

  it('resume reconnects from the renderer cursor, even a lower one', async () => {
    await core.handlers.invoke('accounts/add', { hubUrl: HUB, token: TOKEN });
    await core.handlers.invoke('events/committed', { accountId: 'shop1', seq: 9 });
    const before = sockets.length;
    expect(await core.handlers.invoke('events/resume', { accountId: 'shop1', cursor: 3 })).toEqual({ ok: true, value: {} });
    expect(sockets.length).toBe(before + 1);
    expect(last().request.auth.cursor).toBe(3);
  });

  it('keeps an account whose token is missing offline instead of failing the boot', async () => {
    await core.handlers.invoke('accounts/add', { hubUrl: HUB, token: TOKEN });
    await core.stop();
    await vault.delete('shop1');
    await boot();
    expect(sockets).toHaveLength(0);
    const list = await core.handlers.invoke('accounts/list', {});
    expect(list).toMatchObject({ ok: true, value: [{ id: 'shop1', status: 'offline' }] });
  });
});
