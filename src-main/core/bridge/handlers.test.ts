import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../testing/tempDir.js';
import { bridgeCallNames } from '../../../src-shared/bridge/contract.js';
import { createCore, type Core } from '../createCore.js';
import { fakeSocketFactory } from '../testing/fakeSocket.js';
import { memoryLogger, TOKEN } from '../testing/fixtures.js';
import { MemoryVault } from '../vault/credentialVault.js';
import { createBridgeHandlers, type BridgeOperations } from './handlers.js';

const HUB = 'http://127.0.0.1:4999';
let core: Core;
let vault: MemoryVault;

beforeEach(async () => {
  vault = new MemoryVault();
  const dataDir = await tempDir('bridge', onTestFinished);
  core = createCore({ dataDir, vault, log: memoryLogger(), socketFactory: fakeSocketFactory().factory });
  await core.start();
  return () => core.stop();
});

describe('bridge handlers', () => {
  it('has a handler for every call of the contract', () => {
    expect(Object.keys(core.handlers.table).sort()).toEqual([...bridgeCallNames].sort());
  });

  it.each([['accounts/explode'], ['__proto__'], ['toString'], [42], [null]])('answers unknown-call for %s', async (name) => {
    expect(await core.handlers.invoke(name, {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });

  it.each([
    ['accounts/add', { hubUrl: 'ftp://x', token: TOKEN }, /^hubUrl/],
    ['accounts/add', { hubUrl: HUB, token: 'not-a-token' }, /^token/],
    ['events/committed', { accountId: 'shop1', seq: -1 }, /^seq/],
    ['conversations/send', { accountId: 'shop1', conversationId: 'c1', clientId: 'client-0001', text: '' }, /^text/],
    ['accounts/list', 'nope', /^\(root\)/],
  ])('answers validation naming the field for a bad %s payload', async (name, input, field) => {
    const result = await core.handlers.invoke(name, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(result.error.message).toMatch(field);
  });

  it('adds an account once and refuses the same account id again', async () => {
    const added = await core.handlers.invoke('accounts/add', { hubUrl: HUB, token: TOKEN });
    expect(added).toMatchObject({ ok: true, value: { id: 'shop1', status: 'connecting', hubUrl: HUB } });
    expect(await vault.get('shop1')).toBe(TOKEN);
    const again = await core.handlers.invoke('accounts/add', { hubUrl: HUB, token: TOKEN.replace('.t1.', '.t2.') });
    expect(again).toMatchObject({ ok: false, error: { code: 'duplicate-account' } });
    expect(await vault.get('shop1')).toBe(TOKEN);
  });

  it('removes an account, its token and tells the pages', async () => {
    const pushes: string[] = [];
    core.onPush((name) => pushes.push(name));
    await core.handlers.invoke('accounts/add', { hubUrl: HUB, token: TOKEN });
    expect(await core.handlers.invoke('accounts/remove', { accountId: 'shop1' })).toEqual({ ok: true, value: {} });
    expect(await vault.get('shop1')).toBeNull();
    expect(await core.handlers.invoke('accounts/list', {})).toEqual({ ok: true, value: [] });
    expect(pushes).toContain('accounts/removed');
    expect(await core.handlers.invoke('accounts/remove', { accountId: 'shop1' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('answers offline for a command while the account is not connected', async () => {
    await core.handlers.invoke('accounts/add', { hubUrl: HUB, token: TOKEN });
    const sent = await core.handlers.invoke('conversations/claim', { accountId: 'shop1', conversationId: 'c1' });
    expect(sent).toMatchObject({ ok: false, error: { code: 'offline' } });
  });

  it('turns a thrown error or an output off the contract into internal, never a throw', async () => {
    const log = memoryLogger();
    const broken = {
      'accounts/list': async () => {
        throw new Error('disk on fire');
      },
      'accounts/remove': async () => ({ ok: true, value: { unexpected: 1 } as never }),
      'events/committed': async () => ({ ok: true, value: 'not an object' as never }),
    } as unknown as BridgeOperations;
    const handlers = createBridgeHandlers(broken, log);
    expect(await handlers.invoke('accounts/list', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await handlers.invoke('events/committed', { accountId: 'a', seq: 1 })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(log.entries.map((e) => e.level)).toEqual(['error', 'error']);
  });
});
