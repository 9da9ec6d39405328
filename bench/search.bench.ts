/**
 * Full-text search at scale, in Debian's Chromium against real on-disk IndexedDB:
 * seeds as many messages as fit in the time budget (messages + postings blocks, one
 * transaction per batch, as ingest writes them), compares that write rate with the
 * messages alone, then times queries (common and rare terms, zh, 繁體, en, AND) and
 * reads the JS heap. The driver page is built from a virtual module that imports the
 * renderer's real search code (src-renderer/db/search*.ts).
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { startHost } from '../src-main/host/startHost.js';
import { runBench, pct } from './lib/bench.js';
import { CHROMIUM, chromiumMissing, skipped } from './lib/browserRig.js';
import { makeTempDir, removeDir } from './lib/hubRig.js';
import { round } from './lib/measure.js';

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SEED_BUDGET_MS = Number(process.env.SEARCH_SEED_MS ?? 40_000);
const BARE_BUDGET_MS = 6_000;
const BATCH = 1_000;
const TARGET = 1_000_000;
const src = (p: string) => JSON.stringify(join(REPO, p));

/** The page side: window.searchBench. Plain JS (a virtual module), calling the typed renderer code. */
const DRIVER = `
import { WorkstationDb } from ${src('src-renderer/db/schema.ts')};
import { indexMessages } from ${src('src-renderer/db/searchIndex.ts')};
import { searchMessages } from ${src('src-renderer/db/searchMessages.ts')};
import { parseQuery } from ${src('src-renderer/db/searchQuery.ts')};
const ZH = '你好 快递 到哪了 退款 订单 发货 地址 修改 谢谢 客服 尺码 颜色 质量 问题 换货 优惠券 发票 物流 签收 破损 包装 什么时候 可以 麻烦 帮我 查一下 已经 三天 没有 收到'.split(' ');
const EN = 'hello parcel refund order shipping address change thanks size color quality issue exchange coupon invoice tracking delivered damaged package when can please check already days not received'.split(' ');
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const zipf = (words) => words[Math.floor(words.length * rnd() * rnd())];
function text(i) {
  const en = i % 4 === 0;
  const words = Array.from({ length: 4 + Math.floor(rnd() * 8) }, () => zipf(en ? EN : ZH));
  return words.join(en ? ' ' : '') + (en ? ' order ' : '，订单号 ') + 'A' + i.toString(36);
}
const message = (i) => ({ id: 'm' + i.toString(36).padStart(6, '0'), conversationId: 'c' + (i % 50000), accountId: 'shop-a', clientId: null,
  author: { kind: i % 3 ? 'customer' : 'agent', id: 'u', name: 'U' }, text: text(i), private: false, status: 'sent', createdAt: 1e12 + i * 1000 });
async function write(db, from, n, index) {
  const batch = Array.from({ length: n }, (_, k) => message(from + k));
  const tables = index ? [db.messages, db.searchPostings] : [db.messages];
  await db.transaction('rw', tables, async () => {
    for (let i = 0; i < batch.length; i += 100) await db.messages.bulkPut(batch.slice(i, i + 100));
    if (index) await indexMessages(db.searchPostings, batch);
  });
}
async function seedFor(db, ms, index, batch) {
  const t0 = performance.now(); let n = 0; const batches = [];
  while (performance.now() - t0 < ms) { const b0 = performance.now(); await write(db, n, batch, index); batches.push(performance.now() - b0); n += batch; }
  return { messages: n, ms: performance.now() - t0, maxBatchMs: Math.max(...batches) };
}
window.searchBench = {
  async seed(budgetMs, bareMs, batch) {
    const bare = new WorkstationDb('bare'); await bare.open();
    const bareRun = await seedFor(bare, bareMs, false, batch); bare.close();
    const db = new WorkstationDb('search'); await db.open();
    const indexed = await seedFor(db, budgetMs, true, batch);
    return { bare: bareRun, indexed, postingRows: await db.searchPostings.count() };
  },
  async query(q, repeats) {
    const db = new WorkstationDb('search'); await db.open();
    const times = []; let hits = 0;
    for (let r = 0; r < repeats; r++) { const t0 = performance.now(); hits = (await searchMessages(db, parseQuery(q), 50)).length; times.push(performance.now() - t0); }
    db.close();
    return { times, hits };
  },
};
`;

async function buildDriver(outDir: string): Promise<void> {
  await build({
    root: REPO,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    plugins: [{ name: 'search-bench', enforce: 'pre', resolveId: (id) => (id === 'virtual:search-bench' ? '\0search-bench' : null), load: (id) => (id === '\0search-bench' ? DRIVER : null) }],
    build: { outDir, emptyOutDir: true, target: 'es2022', rolldownOptions: { input: 'virtual:search-bench', output: { entryFileNames: 'driver.js', format: 'es' } } },
  });
  await writeFile(join(outDir, 'index.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="/driver.js"></script>');
}

const QUERIES: Array<[string, string]> = [
  ['common zh term', '快递'],
  ['common 繁體 term', '訂單'],
  ['common en term', 'order'],
  ['AND of two common terms', '退款 发货'],
  ['rare: one order number', 'a2bi'],
  ['rare AND common', '订单 a2bi'],
  ['no hit', '不存在的词'],
];

runBench(async () => {
  const missing = chromiumMissing();
  if (missing) return skipped(missing);
  const root = await makeTempDir('search');
  const site = join(root, 'site');
  await buildDriver(site);
  const host = await startHost({ host: '127.0.0.1', port: 0, dataDir: root, rendererDir: site, log: { debug() {}, info() {}, warn() {}, error() {} } });
  const context = await chromium.launchPersistentContext(join(root, 'profile'), { executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'] });
  try {
    const page = await context.newPage();
    await page.goto(`${host.origin}/`);
    await page.waitForFunction(() => 'searchBench' in window, null, { timeout: 20_000 });
    type Run = { messages: number; ms: number; maxBatchMs: number };
    const seeded = await page.evaluate(
      ([a, b, c]) => (window as unknown as { searchBench: { seed(a: number, b: number, c: number): Promise<{ bare: Run; indexed: Run; postingRows: number }> } }).searchBench.seed(a, b, c),
      [SEED_BUDGET_MS, BARE_BUDGET_MS, BATCH] as const,
    );
    const rate = (r: Run) => Math.round(r.messages / (r.ms / 1000));
    const queries: Record<string, { p50Ms: number; p95Ms: number; hits: number }> = {};
    for (const [name, q] of QUERIES) {
      const r = await page.evaluate(([q]) => (window as unknown as { searchBench: { query(q: string, n: number): Promise<{ times: number[]; hits: number }> } }).searchBench.query(q, 21), [q] as const);
      const sorted = r.times.slice(1).sort((a, b) => a - b);
      queries[name] = { p50Ms: round(sorted[Math.floor(sorted.length / 2)]!, 1), p95Ms: round(sorted[Math.ceil(sorted.length * 0.95) - 1]!, 1), hits: r.hits };
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heapMB = round((await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20, 1);
    const n = seeded.indexed.messages;
    const worstP95 = Math.max(...Object.values(queries).map((q) => q.p95Ms));
    return {
      params: { seedBudgetMs: SEED_BUDGET_MS, bareBudgetMs: BARE_BUDGET_MS, batch: BATCH, limit: 50, repeats: 20, queries: Object.fromEntries(QUERIES) },
      results: { seeded, messagesPerSecond: { bare: rate(seeded.bare), indexed: rate(seeded.indexed) }, queries, heapMB },
      table: [
        { metric: 'messages seeded (messages + postings)', value: n, unit: 'msgs', note: `${round(n / TARGET * 100, 1)}% of the 1 M target` },
        { metric: 'write rate, messages only', value: rate(seeded.bare), unit: 'msgs/s' },
        { metric: 'write rate, messages + postings', value: rate(seeded.indexed), unit: 'msgs/s', note: `${pct(rate(seeded.indexed), rate(seeded.bare))}% of messages only` },
        { metric: 'slowest indexed batch', value: round(seeded.indexed.maxBatchMs, 0), unit: 'ms', note: `${BATCH} msgs per transaction` },
        { metric: 'postings blocks', value: seeded.postingRows, unit: 'rows', note: `${round(seeded.postingRows / n, 2)} per message` },
        ...Object.entries(queries).map(([name, q]) => ({ metric: `query p95: ${name}`, value: q.p95Ms, unit: 'ms', note: `p50 ${q.p50Ms} ms, ${q.hits} hits` })),
        { metric: 'worst query p95', value: worstP95, unit: 'ms', note: 'target < 100 ms at 1 M' },
        { metric: 'JS heap after queries (after GC)', value: heapMB, unit: 'MB', note: 'driver page only; target < 300 MB' },
      ],
    };
  } finally {
    await context.close().catch(() => undefined);
    await host.close();
    await removeDir(root);
  }
});
