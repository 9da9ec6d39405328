/**
 * Dev probe (not part of `bench/run.ts`): alternates bare bulkPut and the app's ingest on
 * the ingest corpus in one bench page and prints the rates and, when ingest.ts records
 * them in `globalThis.__ingestSpans` (temporary instrumentation), where a batch's time goes.
 * Run: npx tsx bench/ingestSpans.ts [rounds]
 */
import { startBrowserRig } from './lib/browserRig.js';

const ROUNDS = Number(process.argv[2] ?? 2);
const corpus = { messages: 30_000, batchEvents: 500, messagesPerConversation: 20, active: 50, seed: 42, now: Date.now() };

const rig = await startBrowserRig({ minify: true });
try {
  const page = await rig.openBenchPage();
  let n = 0;
  const run = async (kind: 'bulkPut' | 'ingest') => {
    const name = `spans-${++n}`;
    await page.evaluate(() => ((globalThis as { __ingestSpans?: unknown }).__ingestSpans = {}));
    const r = await page.evaluate(([k, db]) => window.bench[k](db), [kind, name] as const);
    const spans = await page.evaluate(() => (globalThis as { __ingestSpans?: Record<string, number> }).__ingestSpans);
    await page.evaluate((db) => window.bench.deleteDb(db), name);
    return { ...r, spans };
  };
  await page.evaluate((o) => window.bench.prepare(o), { ...corpus, messages: 5_000 });
  await run('bulkPut');
  await run('ingest');
  await page.evaluate((o) => window.bench.prepare(o), corpus);
  for (let i = 0; i < ROUNDS; i++) {
    const bare = await run('bulkPut');
    const app = await run('ingest');
    const spans = Object.entries(app.spans ?? {}).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ');
    console.log(`bare ${bare.perSecond}/s (${bare.ms} ms)  app ${app.perSecond}/s (${app.ms} ms, ${Math.round((100 * app.perSecond) / bare.perSecond)}%, max batch ${app.maxBatchMs}, long ${app.longTasks.maxMs})  ${spans}`);
  }
} finally {
  await rig.close();
}
