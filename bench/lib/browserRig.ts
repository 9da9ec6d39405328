/**
 * The browser benchmarks' rig: a Vite multi-page build of the app's index.html and
 * bench/browser/bench.html into one temp dir, served by the real web host (empty
 * data dir, so no accounts), and Debian's Chromium with a persistent on-disk profile
 * (real IndexedDB on disk, like the app; an incognito context would keep it in memory).
 */
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { startHost, type RunningHost } from '../../src-main/host/startHost.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tools/chromium.js';
import type { BenchOutput } from './bench.js';
import { makeTempDir, removeDir } from './hubRig.js';
import { nowMs, round } from './measure.js';

export const CHROMIUM = CHROMIUM_PATH;
const ARGS = [
  ...CHROMIUM_ARGS,
  // Unquantized performance.memory (the heap figure is also read through CDP).
  '--enable-precise-memory-info',
];

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** A skip is a result, not a failure: the table says why. */
export function skipped(reason: string): BenchOutput {
  console.warn(`bench: SKIPPED: ${reason}`);
  return { params: { skipped: reason }, results: { skipped: true, reason }, table: [{ metric: `SKIPPED: ${reason}`, value: 0, unit: '' }] };
}

export const chromiumMissing = (): string | null => (existsSync(CHROMIUM) ? null : `${CHROMIUM} is missing (set CHROMIUM_PATH); browser benchmarks need Debian's Chromium`);

/**
 * Builds the app page (src-renderer/index.html) and the bench driver page into `outDir`
 * with absolute asset paths, then moves both html files to its root: the host serves
 * index.html at `/` and bench.html at `/bench.html`, one origin.
 */
export async function buildSite(outDir: string, { minify = true }: { minify?: boolean } = {}): Promise<number> {
  const start = nowMs();
  await build({
    root: REPO,
    base: '/',
    configFile: false,
    envDir: false,
    // The app's public files (openCache.js, loaded by index.html before the bundle).
    publicDir: join(REPO, 'src-renderer/public'),
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify,
      chunkSizeWarningLimit: 5000,
      reportCompressedSize: false,
      rolldownOptions: {
        input: { app: join(REPO, 'src-renderer/index.html'), bench: join(REPO, 'bench/browser/bench.html') },
      },
    },
  });
  await rename(join(outDir, 'src-renderer/index.html'), join(outDir, 'index.html'));
  await rename(join(outDir, 'bench/browser/bench.html'), join(outDir, 'bench.html'));
  return round(nowMs() - start, 0);
}

/**
 * Installed in every page before its scripts: long tasks, and the moments the inbox
 * shows its first row, a selected row, N messages of a conversation, and each new
 * value of the "all" count badge. Times are performance.now(), i.e. ms since navigation start.
 */
const INSTRUMENT = `(() => {
  const probe = { longTasks: [], countAll: [] };
  window.__probe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  for (const type of ['keydown', 'pointerdown']) window.addEventListener(type, (e) => { probe.inputAt = e.timeStamp; }, { capture: true });
  let lastCount = '';
  const check = () => {
    const now = performance.now();
    if (probe.firstRowAt === undefined && document.querySelector('[data-testid="conversation-row"]')) {
      probe.firstRowAt = now;
      requestAnimationFrame(() => { probe.firstRowFrameAt = performance.now(); });
    }
    if (probe.firstRowAt !== undefined && probe.selectedAt === undefined && document.querySelector('[data-testid="conversation-row"][aria-current="true"]')) probe.selectedAt = now;
    const x = probe.expect;
    if (x && probe.messagesAt === undefined) {
      const view = document.querySelector('[data-testid="conversation-view"][data-conversation="' + x.conversationId + '"]');
      const shown = view ? view.querySelectorAll('[data-testid="message"]').length : 0;
      if (shown >= x.messages) {
        probe.messagesAt = now;
        probe.messagesShown = shown;
      }
    }
    const el = document.querySelector('[data-testid="count-all"]');
    const count = el ? el.textContent : '';
    if (count !== lastCount) {
      lastCount = count;
      probe.countAll.push({ at: now, text: count });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-current'] });
})();`;

export interface Probe {
  longTasks: Array<{ start: number; duration: number }>;
  firstRowAt?: number;
  firstRowFrameAt?: number;
  selectedAt?: number;
  inputAt?: number;
  /** Set by the bench: the moment at least that many messages of that conversation are in the DOM is recorded. */
  expect?: { conversationId: string; messages: number };
  messagesAt?: number;
  messagesShown?: number;
  countAll: Array<{ at: number; text: string }>;
}

export const readProbe = (page: Page): Promise<Probe> => page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);

export interface BrowserRig {
  host: RunningHost;
  context: BrowserContext;
  buildMs: number;
  /** The built site (for mapping profile lines to modules). */
  siteDir: string;
  chromiumVersion: string;
  /** The bench driver page, loaded and ready. */
  openBenchPage(): Promise<Page>;
  /** Closes the browser and launches it again on the same profile (same origin, same IndexedDB). */
  relaunch(): Promise<void>;
  close(): Promise<void>;
}

const quietLog = { debug: () => {}, info: () => {}, warn: () => {}, error: (m: string, f?: object) => console.error(`host: ${m} ${JSON.stringify(f ?? {})}`) };

export interface RigOptions {
  /**
   * Unminified keeps function names and rolldown's `//#region <module>` markers, so a
   * CPU profile can be attributed to modules (same code, a larger file to parse).
   */
  minify?: boolean;
}

export async function startBrowserRig({ minify = true }: RigOptions = {}): Promise<BrowserRig> {
  const root = await makeTempDir('browser');
  const site = join(root, 'site');
  const dataDir = join(root, 'host-data');
  const profile = join(root, 'profile');
  await Promise.all([mkdir(dataDir), mkdir(profile)]);
  let host: RunningHost | null = null;
  let context: BrowserContext | null = null;
  const launch = async () => {
    const ctx = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 800 },
      locale: 'zh-CN',
    });
    await ctx.addInitScript({ content: INSTRUMENT });
    return ctx;
  };
  try {
    const buildMs = await buildSite(site, { minify });
    host = await startHost({ host: '127.0.0.1', port: 0, dataDir, rendererDir: site, log: quietLog });
    context = await launch();
    const first = context.pages()[0] ?? (await context.newPage());
    const chromiumVersion = (await (await context.newCDPSession(first)).send('Browser.getVersion')).product;
    const running = host;
    return {
      host: running,
      get context() {
        return context!;
      },
      buildMs,
      siteDir: site,
      chromiumVersion,
      openBenchPage: async () => {
        const page = await context!.newPage();
        page.on('pageerror', (e) => console.error(`bench page: ${e.message}`));
        await page.goto(`${running.origin}/bench.html`);
        await page.waitForFunction(() => typeof (window as { bench?: unknown }).bench === 'object', null, { timeout: 20_000 });
        return page;
      },
      relaunch: async () => {
        await context!.close();
        context = await launch();
      },
      close: async () => {
        await context?.close().catch(() => undefined);
        await running.close();
        await removeDir(root);
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    await host?.close().catch(() => undefined);
    await removeDir(root);
    throw error;
  }
}
