/**
 * `npm run eval`: scores the local AI engine on the public datasets in
 * ../shared/data (see its README) and writes tools/eval/results.json.
 * Retrieval: our engine next to a plain BM25 baseline, same run, same data.
 * Sentiment: the shipped lexicon scorer on balanced samples, plus an eval-only classifier.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, hasData, reviews } from './datasets.js';
import { scoreRetrieval } from './retrievalEval.js';
import { scoreSentimentSet } from './sentimentEval.js';
import { ATEC_DISTRACTORS, ATEC_QUERIES, atecTask, banking77Task } from './tasks.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const RESULTS = join(process.cwd(), 'tools/eval/results.json');

function main(): void {
  if (!hasData()) {
    console.log(`eval skipped: ../shared/data not found (looked in ${DATA_DIR})`);
    return;
  }
  const started = performance.now();
  const lap = (label: string) => console.log(`  … ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  const banking = scoreRetrieval(banking77Task());
  lap('banking77');
  const atec = atecTask();
  const atecScores = scoreRetrieval(atec);
  lap('atec');
  const waimai = scoreSentimentSet(reviews('waimai_10k.csv'), 21);
  const hotel = scoreSentimentSet(reviews('ChnSentiCorp_htl_all.csv'), 22);
  lap('sentiment');

  console.log('\nRetrieval                                            hit@1    hit@3    MRR      queries');
  const line = (name: string, s: { hit1: number; hit3: number; mrr: number; queries: number }) =>
    console.log(`  ${name.padEnd(50)} ${pct(s.hit1).padStart(6)}   ${pct(s.hit3).padStart(6)}   ${s.mrr.toFixed(3)}    ${s.queries}`);
  line('Banking77 — our engine', banking.engine);
  line('Banking77 — plain BM25 baseline', banking.bm25);
  line(`ATEC (${atec.articles.length} articles) — our engine`, atecScores.engine);
  line('ATEC — plain BM25 baseline', atecScores.bm25);

  console.log('\nSentiment (balanced)                                 accuracy macro-F1 neutral  n');
  const sline = (name: string, s: { accuracy: number; macroF1: number; neutral: number; n: number }) =>
    console.log(`  ${name.padEnd(50)} ${pct(s.accuracy).padStart(6)}   ${pct(s.macroF1).padStart(6)}   ${pct(s.neutral).padStart(5)}   ${s.n}`);
  sline('waimai_10k — shipped lexicon', waimai.lexicon);
  sline('waimai_10k — NB trained at eval (not shipped)', waimai.evalTrainedNaiveBayes);
  sline('ChnSentiCorp_htl — shipped lexicon', hotel.lexicon);
  sline('ChnSentiCorp_htl — NB trained at eval (not shipped)', hotel.evalTrainedNaiveBayes);
  console.log('  (lexicon "neutral" answers count as wrong: every review has a polarity)');

  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const results = {
    date: new Date().toISOString(),
    seconds,
    banking77: banking,
    atec: { ...atecScores, articles: atec.articles.length, note: `${ATEC_QUERIES} of ${atec.pairsAvailable} same-meaning pairs queried, ${ATEC_DISTRACTORS} of ${atec.distractorsAvailable} different-meaning q1s as distractors (seeded sample)` },
    sentiment: { waimai_10k: waimai, ChnSentiCorp_htl_all: hotel },
  };
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\neval: done in ${seconds} s; wrote tools/eval/results.json`);
}

main();
