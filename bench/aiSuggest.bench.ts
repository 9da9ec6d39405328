/**
 * The local AI engine at KB scale: suggestion latency over a 10k-article KB
 * (plain and with two turns of context), index build time, sentiment per message.
 * Targets (issue 4): p95 < 20 ms, build < 2 s, sentiment < 1 ms per message.
 * Sentiment is timed next to fixed work of its median cost in the same loop, so a
 * tail that is the machine's (other processes, GC threads) shows as such.
 * The 10k articles are the demo KB plus articles synthesized from Banking77 train
 * rows when ../shared/data is present, else from the demo KB's own sentences.
 */
import { loadDemoKb } from '../assets/kb/index.js';
import { createSuggestionEngine, scoreSentiment, type EngineArticle } from '../src-shared/ai/index.js';
import { banking77, hasData, reviews } from '../tools/eval/datasets.js';
import { runBench } from './lib/bench.js';
import { median, nowMs, round, summarize } from './lib/measure.js';

const ARTICLES = 10_000;
const QUERIES = 1000;
const BUILD_REPEATS = 3;
const SENTIMENT_MESSAGES = 2000;
/** The fixed work timed beside sentiment: about its median per message on this machine. */
const CONTROL_MS = 0.025;

/** Article i takes 4 questions and a 2-sentence body from one pool, rotating so no two are alike. */
function synthesize(pools: string[][], count: number): EngineArticle[] {
  return Array.from({ length: count }, (_, i) => {
    const pool = pools[i % pools.length]!;
    const at = (j: number) => pool[(Math.floor(i / pools.length) * 5 + j) % pool.length]!;
    return { id: `syn-${i}`, title: at(0), body: `${at(4)} ${at(5)}`, questions: [at(0), at(1), at(2), at(3)], language: 'en' };
  });
}

let sink = 0;
/** Fixed integer work: no allocation, no GC, nothing to tier up after the first calls. */
function spin(n: number): void {
  let x = sink;
  for (let j = 0; j < n; j++) x = (x * 31 + j) | 0;
  sink = x;
}

/** How many `spin` steps take about `targetMs`. */
function calibrateSpins(targetMs: number): number {
  const n = 100_000;
  for (let i = 0; i < 20; i++) spin(n);
  let fastest = Infinity; // the least disturbed of a few runs
  for (let i = 0; i < 5; i++) {
    const start = nowMs();
    spin(n);
    fastest = Math.min(fastest, nowMs() - start);
  }
  return Math.max(1, Math.round((n * targetMs) / Math.max(1e-3, fastest)));
}

/** Node 20 has no Map.groupBy. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}

runBench(async () => {
  const demo = loadDemoKb();
  const withData = hasData();
  const pools = withData
    ? groupBy(banking77('train'), (r) => r.label).map((rows) => rows.map((r) => r.text))
    : groupBy(demo, (a) => a.variantOf ?? a.id).map((group) => group.flatMap((a) => [...a.questions, a.body]));
  const articles = [...demo, ...synthesize(pools, ARTICLES - demo.length)];

  const builds: number[] = [];
  let engine = createSuggestionEngine([]);
  for (let r = 0; r < BUILD_REPEATS; r++) {
    const start = nowMs();
    engine = createSuggestionEngine(articles);
    builds.push(nowMs() - start);
  }

  const demoQuestions = demo.filter((a) => a.language !== 'en').flatMap((a) => a.questions);
  const englishQueries = withData ? banking77('test').map((r) => r.text) : demo.filter((a) => a.language === 'en').flatMap((a) => a.questions);
  const queries = Array.from({ length: QUERIES }, (_, i) => (i % 2 ? demoQuestions[i % demoQuestions.length]! : englishQueries[i % englishQueries.length]!));
  for (const text of queries.slice(0, 100)) engine.suggest({ text }); // warm up the JIT
  const time = (op: (text: string, i: number) => void) =>
    summarize(queries.map((text, i) => {
      const start = nowMs();
      op(text, i);
      return nowMs() - start;
    }));
  const plain = time((text) => engine.suggest({ text }));
  const withContext = time((text, i) => engine.suggest({ text, context: [queries[(i + 7) % QUERIES]!, queries[(i + 13) % QUERIES]!] }));

  const upsertStart = nowMs();
  for (let i = 0; i < 100; i++) engine.upsert({ ...articles[i + 500]!, title: `${articles[i + 500]!.title} (edited)` });
  const upsertMs = (nowMs() - upsertStart) / 100;

  const messages = withData
    ? reviews('waimai_10k.csv').slice(0, SENTIMENT_MESSAGES / 2).map((r) => r.text).concat(banking77('test').slice(0, SENTIMENT_MESSAGES / 2).map((r) => r.text))
    : Array.from({ length: SENTIMENT_MESSAGES }, (_, i) => queries[i % QUERIES]!);
  // Warm up the JIT on both halves of the mix (Chinese reviews, English queries) and the repeat check.
  const half = messages.length / 2;
  for (const m of [...messages.slice(0, 100), ...messages.slice(half, half + 100)]) scoreSentiment(m, { previous: [m] });
  // The machine's own tail: fixed, allocation-free work of about sentiment's median cost,
  // timed in the same loop right after each message. A sentiment p99 near this one is the
  // machine (other processes); above it, the scorer (its code, or the GC its garbage triggers).
  const spins = calibrateSpins(CONTROL_MS);
  const sentimentMs: number[] = [];
  const controlMs: number[] = [];
  messages.forEach((m, i) => {
    let start = nowMs();
    scoreSentiment(m, { previous: [messages[(i + 1) % messages.length]!] });
    sentimentMs.push(nowMs() - start);
    start = nowMs();
    spin(spins);
    controlMs.push(nowMs() - start);
  });
  const sentiment = summarize(sentimentMs);
  const control = summarize(controlMs);

  const buildMs = round(median(builds), 1);
  return {
    params: { articles: articles.length, demoArticles: demo.length, synthesizedFrom: withData ? 'banking77 train rows' : 'demo KB sentences (../shared/data absent)', queries: QUERIES, buildRepeats: BUILD_REPEATS, sentimentMessages: messages.length, fixedWorkMs: CONTROL_MS },
    results: { buildMs: builds.map((b) => round(b, 1)), suggest: plain, suggestWithTwoContextTurns: withContext, upsertMsPerArticle: round(upsertMs, 3), sentiment, sentimentSameLoopFixedWork: control },
    table: [
      { metric: 'suggest p50 / p95 (10k KB)', value: plain.p50Ms, unit: 'ms', note: `p95 ${plain.p95Ms} ms (target < 20)` },
      { metric: 'suggest + 2 context turns p50 / p95', value: withContext.p50Ms, unit: 'ms', note: `p95 ${withContext.p95Ms} ms (target < 20), p99 ${withContext.p99Ms} ms` },
      { metric: 'index build, 10k articles', value: buildMs, unit: 'ms', note: 'target < 2000 ms (median of 3)' },
      { metric: 'upsert one article into 10k', value: round(upsertMs, 3), unit: 'ms' },
      { metric: 'sentiment per message mean / p95', value: sentiment.meanMs, unit: 'ms', note: `p95 ${sentiment.p95Ms} ms (target < 1)` },
      { metric: 'sentiment p99 / max', value: sentiment.p99Ms, unit: 'ms', note: `max ${sentiment.maxMs} ms; fixed work of its median, same loop: p99 ${control.p99Ms} ms, max ${control.maxMs} ms` },
    ],
  };
});
