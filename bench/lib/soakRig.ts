/**
 * The soak benchmark's rig: one real hub with N web-chat accounts, the workstation core
 * (file vault) with every account added through its bridge handlers, the web host serving
 * the production build, and Debian's Chromium on the app page. Everything on 127.0.0.1,
 * everything in one temp dir, the host and the hub in this process.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { startHub, type RunningHub } from '../../src-hub/index.js';
import { createCore, FileVault, type Core } from '../../src-main/core/index.js';
import { startHost, type RunningHost } from '../../src-main/host/startHost.js';
import { CHROMIUM } from './browserRig.js';
import { buildSiteInChild } from './buildSiteChild.js';
import { makeTempDir, removeDir } from './hubRig.js';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'];
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: (m: string, f?: object) => console.error(`core: ${m} ${JSON.stringify(f ?? {})}`) };

export interface SoakRig {
  hub: RunningHub;
  core: Core;
  host: RunningHost;
  page: Page;
  cdp: CDPSession;
  accountIds: string[];
  buildMs: number;
  /** Events the core pushed to the renderer (the hub's events for these accounts). */
  eventsPushed: () => number;
  close(): Promise<void>;
}

export async function startSoakRig(accounts: number): Promise<SoakRig> {
  const root = await makeTempDir('soak');
  const dirs = { hub: join(root, 'hub'), core: join(root, 'core'), site: join(root, 'site'), profile: join(root, 'profile') };
  await Promise.all([dirs.hub, dirs.core, dirs.profile].map((d) => mkdir(d)));
  const closers: Array<() => Promise<unknown>> = [() => removeDir(root)];
  const close = async () => {
    for (const c of closers.reverse()) await c().catch((e: unknown) => console.error(`soak close: ${String(e)}`));
  };
  try {
    const [buildMs, hub] = await Promise.all([
      (async () => {
        const t0 = performance.now();
        await buildSiteInChild(dirs.site);
        return Math.round(performance.now() - t0);
      })(),
      startHub({ host: '127.0.0.1', port: 0, dataDir: dirs.hub }),
    ]);
    closers.push(() => hub.close());
    const accountIds = Array.from({ length: accounts }, (_, i) => `soak-${String(i + 1).padStart(2, '0')}`);
    const tokens = await Promise.all(
      accountIds.map(async (id, i) => {
        await hub.admin.createAccount({ id, name: `店铺 ${i + 1}`, channel: 'webchat' });
        return (await hub.admin.issueToken({ accountId: id, personId: 'agent-1', personName: 'Soak Agent', role: 'agent' })).token;
      }),
    );

    const core = createCore({ dataDir: dirs.core, vault: new FileVault(join(dirs.core, 'credentials.json')), log: quiet });
    await core.start();
    closers.push(() => core.stop());
    let pushed = 0;
    core.onPush((push, payload) => {
      if (push === 'events/received') pushed += (payload as { events: unknown[] }).events.length;
    });
    for (const token of tokens) {
      const added = (await core.handlers.invoke('accounts/add', { hubUrl: hub.url, token })) as { ok: boolean; error?: unknown };
      if (!added.ok) throw new Error(`accounts/add: ${JSON.stringify(added.error)}`);
    }

    const host = await startHost({ host: '127.0.0.1', port: 0, core, rendererDir: dirs.site, log: quiet });
    closers.push(() => host.close());
    const context: BrowserContext = await chromium.launchPersistentContext(dirs.profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 800 },
      locale: 'zh-CN',
    });
    closers.push(() => context.close());
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error(`app page: ${e.message}`));
    await page.goto(host.url);
    await page.waitForSelector('[data-testid="storage-open"]', { timeout: 20_000 });
    const cdp = await context.newCDPSession(page);
    return { hub, core, host, page, cdp, accountIds, buildMs, eventsPushed: () => pushed, close };
  } catch (error) {
    await close();
    throw error;
  }
}
