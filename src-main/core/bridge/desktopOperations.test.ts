import { describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../testing/tempDir.js';
import { createCore } from '../createCore.js';
import type { DesktopNotification, DesktopPort } from '../ports/desktop.js';
import { fakeSocketFactory } from '../testing/fakeSocket.js';
import { memoryLogger } from '../testing/fixtures.js';
import { MemoryVault } from '../vault/credentialVault.js';

/** A desktop shell that records what it was asked and lets the test click its notifications. */
function fakeDesktop(handled = true) {
  const badges: number[] = [];
  const shown: { notification: DesktopNotification; click: () => void; reply: (text: string) => void }[] = [];
  const port: DesktopPort = {
    setBadge: (count) => (badges.push(count), { handled }),
    notify: async (notification, click, reply) => (shown.push({ notification, click, reply }), { handled }),
  };
  return { port, badges, shown };
}

async function coreWith(desktop?: DesktopPort) {
  const dataDir = await tempDir('desktop', onTestFinished);
  const log = memoryLogger();
  const core = createCore({ dataDir, vault: new MemoryVault(), log, socketFactory: fakeSocketFactory().factory, desktop });
  const pushes: [string, unknown][] = [];
  core.onPush((name, payload) => pushes.push([name, payload]));
  return { core, pushes, log };
}

describe('app/* calls', () => {
  it('pushes an inline reply typed into a notification, checked like any reply; an empty one is dropped', async () => {
    const desktop = fakeDesktop();
    const { core, pushes } = await coreWith(desktop.port);
    await core.handlers.invoke('app/notify', { title: 'Shop One', body: '在吗？', accountId: 'shop1', conversationId: 'c1', replyable: true });
    desktop.shown[0]!.reply('   ');
    desktop.shown[0]!.reply('  在的，马上为您查询  ');
    expect(pushes.filter(([name]) => name === 'app/notification-replied')).toEqual([
      ['app/notification-replied', { accountId: 'shop1', conversationId: 'c1', text: '在的，马上为您查询' }],
    ]);
  });

  it('sets the badge through the desktop port', async () => {
    const desktop = fakeDesktop();
    const { core } = await coreWith(desktop.port);
    expect(await core.handlers.invoke('app/set-badge', { count: 12 })).toEqual({ ok: true, value: { handled: true } });
    expect(await core.handlers.invoke('app/set-badge', { count: 0 })).toEqual({ ok: true, value: { handled: true } });
    expect(desktop.badges).toEqual([12, 0]);
  });

  it.each([[{ count: 100_000 }], [{ count: -1 }], [{ count: 2.5 }], [{}]])('refuses %j before the port sees it', async (input) => {
    const desktop = fakeDesktop();
    const { core } = await coreWith(desktop.port);
    expect(await core.handlers.invoke('app/set-badge', input)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(desktop.badges).toEqual([]);
  });

  it('shows a notification and pushes notification-clicked with its ids when clicked', async () => {
    const desktop = fakeDesktop();
    const { core, pushes } = await coreWith(desktop.port);
    const input = { title: 'Shop One', body: '在吗？', accountId: 'shop1', conversationId: 'c1' };
    expect(await core.handlers.invoke('app/notify', input)).toEqual({ ok: true, value: { handled: true } });
    expect(desktop.shown.map((s) => s.notification)).toEqual([input]);
    expect(pushes).toEqual([]);
    desktop.shown[0]!.click();
    expect(pushes).toEqual([['app/notification-clicked', { accountId: 'shop1', conversationId: 'c1' }]]);
  });

  it('pushes nulls for a notification that named no conversation', async () => {
    const desktop = fakeDesktop();
    const { core, pushes } = await coreWith(desktop.port);
    await core.handlers.invoke('app/notify', { title: 'Test', body: 'This is a test notification' });
    desktop.shown[0]!.click();
    expect(pushes).toEqual([['app/notification-clicked', { accountId: null, conversationId: null }]]);
  });

  it('passes handled: false on from a shell that could not do it', async () => {
    const { core } = await coreWith(fakeDesktop(false).port);
    expect(await core.handlers.invoke('app/notify', { title: 't', body: 'b' })).toEqual({ ok: true, value: { handled: false } });
  });

  it('answers handled: false without a desktop port (the web host): the renderer falls back', async () => {
    const { core } = await coreWith();
    expect(await core.handlers.invoke('app/set-badge', { count: 3 })).toEqual({ ok: true, value: { handled: false } });
    expect(await core.handlers.invoke('app/notify', { title: 't', body: 'b' })).toEqual({ ok: true, value: { handled: false } });
  });

  it('turns a throwing shell into internal, never a throw', async () => {
    const broken: DesktopPort = {
      setBadge: () => {
        throw new Error('no dock');
      },
      notify: () => Promise.reject(new Error('no notification daemon')),
    };
    const { core, log } = await coreWith(broken);
    expect(await core.handlers.invoke('app/set-badge', { count: 1 })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await core.handlers.invoke('app/notify', { title: 't', body: 'b' })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(log.entries.filter((e) => e.level === 'error')).toHaveLength(2);
  });
});
