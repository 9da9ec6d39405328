/**
 * Full-text search at scale, in Debian's Chromium against real on-disk IndexedDB:
 * seeds up to SEARCH_MESSAGES (1 M) messages within the time budget, the way the app
 * does: each batch stores its messages and queues their ids for the indexer in one
 * transaction (as ingest does), then the app's background indexer drains the backlog
 * (its steps timed, long tasks observed). Compares the write rate with the messages
 * alone, then times queries (common and rare terms, zh, 繁體, en, AND; also with an
 * unindexed tail the search scans itself) and reads the JS heap. The driver page is built from a virtual module that imports the
 * renderer's real search code (src-renderer/db/search*.ts).
 */
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
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
/** `npm run bench` gives each benchmark 90 s; the 1 M run sets SEARCH_SEED_MS=540000 BENCH_TIMEOUT_MS=900000. */
const SEED_BUDGET_MS = Number(process.env.SEARCH_SEED_MS ?? 40_000);
const TARGET_MESSAGES = Number(process.env.SEARCH_MESSAGES ?? 1_000_000);
const TAIL = 200;
/**
 * Timed runs per query (after one untimed): with 20, a p95 was the second-worst run, so
 * one stall of a loaded machine decided it; 60 put the p95 at the fourth-worst.
 */
const REPEATS = 60;
const BARE_BUDGET_MS = 6_000;
const BATCH = 1_000;
const TARGET = 1_000_000;
const src = (p: string) => JSON.stringify(join(REPO, p));

/** The page side: window.searchBench. Plain JS (a virtual module), calling the typed renderer code. */
const DRIVER = `
import { Dexie } from 'dexie';
import { WorkstationDb } from ${src('src-renderer/db/schema.ts')};
import { queueForIndexing } from ${src('src-renderer/db/searchBacklog.ts')};
import { indexNextChunk } from ${src('src-renderer/db/searchIndexer.ts')};
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
const longTasks = [];
new PerformanceObserver((list) => void longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
async function write(db, from, n, queue) {
  const batch = Array.from({ length: n }, (_, k) => message(from + k));
  const tables = queue ? [db.messages, db.searchBacklog] : [db.messages];
  await db.transaction('rw', tables, async () => {
    for (let i = 0; i < batch.length; i += 100) await db.messages.bulkPut(batch.slice(i, i + 100));
    if (queue) await queueForIndexing(db.searchBacklog, batch.map((m) => m.id));
  });
}
async function seedFor(db, ms, queue, batch, target = Infinity) {
  const t0 = performance.now(); let n = 0; const batches = [];
  while (performance.now() - t0 < ms && n < target) { const b0 = performance.now(); await write(db, n, batch, queue); batches.push(performance.now() - b0); n += batch; }
  return { messages: n, ms: performance.now() - t0, maxBatchMs: Math.max(...batches) };
}
/** The app's indexer, step after step as its idle loop runs them (without the idle waits). */
async function drain(db, stats) {
  for (;;) {
    const t0 = performance.now();
    const step = await indexNextChunk(db);
    const dt = performance.now() - t0;
    if (step.rows === 0 && !step.conflict) return;
    stats.messages += step.indexed; stats.ms += dt; stats.steps++; stats.maxStepMs = Math.max(stats.maxStepMs, dt);
  }
}
window.searchBench = {
  async seed(budgetMs, bareMs, batch, target) {
    const bare = new WorkstationDb('bare'); await bare.open();
    const bareRun = await seedFor(bare, bareMs, false, batch); bare.close();
    await Dexie.delete('bare');
    const db = new WorkstationDb('search'); await db.open();
    const t0 = performance.now(); const tasksBefore = longTasks.length;
    const written = { messages: 0, ms: 0, maxBatchMs: 0 };
    const indexed = { messages: 0, ms: 0, steps: 0, maxStepMs: 0 };
    // Write and index in rounds of 20 batches, as a live day interleaves them.
    while (performance.now() - t0 < budgetMs && written.messages < target) {
      const w0 = performance.now(); let n = 0; const times = [];
      for (let k = 0; k < 20 && written.messages + n < target; k++) { const b0 = performance.now(); await write(db, written.messages + n, batch, true); times.push(performance.now() - b0); n += batch; }
      written.messages += n; written.ms += performance.now() - w0; written.maxBatchMs = Math.max(written.maxBatchMs, ...times);
      await drain(db, indexed);
    }
    const tasks = longTasks.slice(tasksBefore);
    return { bare: bareRun, written, indexed, wallMs: performance.now() - t0, longTasks: { count: tasks.length, maxMs: Math.round(Math.max(0, ...tasks)) },
      postingRows: await db.searchPostings.count(), chunks: await db.searchChunks.count(), backlog: await db.searchBacklog.count() };
  },
  /** Stores messages the indexer has not reached yet (the tail a search scans itself). */
  async addTail(from, n) {
    const db = new WorkstationDb('search'); await db.open();
    await write(db, from, n, true); db.close();
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
  const loadAtStart = loadavg().map((x) => round(x, 2));
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
    type Seeded = {
      bare: Run;
      written: Run;
      indexed: { messages: number; ms: number; steps: number; maxStepMs: number };
      wallMs: number;
      longTasks: { count: number; maxMs: number };
      postingRows: number;
      chunks: number;
      backlog: number;
    };
    type Driver = {
      seed(a: number, b: number, c: number, d: number): Promise<Seeded>;
      addTail(from: number, n: number): Promise<void>;
      query(q: string, n: number): Promise<{ times: number[]; hits: number }>;
    };
    const seeded = await page.evaluate(([a, b, c, d]) => (window as unknown as { searchBench: Driver }).searchBench.seed(a, b, c, d), [SEED_BUDGET_MS, BARE_BUDGET_MS, BATCH, TARGET_MESSAGES] as const);
        const rate = (r: { messages: number; ms: number }) => Math.round(r.messages / (r.ms / 1000));
    const queries: Record<string, { p50Ms: number; p95Ms: number; hits: number }> = {};
    const timeQuery = async (name: string, q: string) => {
      const r = await page.evaluate(([q, n]) => (window as unknown as { searchBench: Driver }).searchBench.query(q, n), [q, REPEATS + 1] as const);
      const sorted = r.times.slice(1).sort((a, b) => a - b);
      queries[name] = { p50Ms: round(sorted[Math.floor(sorted.length / 2)]!, 1), p95Ms: round(sorted[Math.ceil(sorted.length * 0.95) - 1]!, 1), hits: r.hits };
    };
    for (const [name, q] of QUERIES) await timeQuery(name, q);
    // Messages that arrived since the indexer last ran: the search scans them itself.
    await page.evaluate(([from, n]) => (window as unknown as { searchBench: Driver }).searchBench.addTail(from, n), [seeded.written.messages, TAIL] as const);
    await timeQuery(`common zh term, ${TAIL} unindexed`, '快递');
    await timeQuery(`rare, ${TAIL} unindexed`, 'a2bi');
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heapMB = round((await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20, 1);
    const n = seeded.indexed.messages;
    const worstP95 = Math.max(...Object.values(queries).map((q) => q.p95Ms));
    return {
      params: { seedBudgetMs: SEED_BUDGET_MS, targetMessages: TARGET_MESSAGES, bareBudgetMs: BARE_BUDGET_MS, batch: BATCH, limit: 50, repeats: REPEATS, tail: TAIL, queries: Object.fromEntries(QUERIES), loadAverageAtStart: loadAtStart },
      results: { seeded, messagesPerSecond: { bare: rate(seeded.bare), stored: rate(seeded.written), indexer: rate(seeded.indexed) }, queries, heapMB },
      table: [
        { metric: 'messages seeded and indexed', value: n, unit: 'msgs', note: `${round((n / TARGET) * 100, 1)}% of the 1 M target, in ${round(seeded.wallMs / 1000, 0)} s` },
        { metric: 'write rate, messages only', value: rate(seeded.bare), unit: 'msgs/s' },
        { metric: 'write rate, messages + backlog (as ingest)', value: rate(seeded.written), unit: 'msgs/s', note: `${pct(rate(seeded.written), rate(seeded.bare))}% of messages only; slowest ${BATCH}-msg tx ${round(seeded.written.maxBatchMs, 0)} ms` },
        { metric: 'background indexer rate', value: rate(seeded.indexed), unit: 'msgs/s', note: `${seeded.indexed.steps} steps, slowest ${round(seeded.indexed.maxStepMs, 0)} ms; long tasks ${seeded.longTasks.count} (max ${seeded.longTasks.maxMs} ms)` },
        { metric: 'postings blocks', value: seeded.postingRows, unit: 'rows', note: `${round(seeded.postingRows / n, 2)} per message, ${seeded.chunks} chunks` },
        ...Object.entries(queries).map(([name, q]) => ({ metric: `query p95: ${name}`, value: q.p95Ms, unit: 'ms', note: `p50 ${q.p50Ms} ms, ${q.hits} hits` })),
        { metric: 'worst query p95', value: worstP95, unit: 'ms', note: `target < 100 ms at 1 M (measured at ${round(n / 1000, 0)} k)` },
        { metric: 'JS heap after queries (after GC)', value: heapMB, unit: 'MB', note: 'driver page only; target < 300 MB' },
      ],
    };
  } finally {
    await context.close().catch(() => undefined);
    await host.close();
    await removeDir(root);
  }
});
