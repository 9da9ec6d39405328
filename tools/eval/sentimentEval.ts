import { NaiveBayesIntents } from '../../src-shared/ai/retrieval/intent.js';
import { scoreSentiment } from '../../src-shared/ai/sentiment/score.js';
import { tokenize } from '../../src-shared/ai/text/tokenize.js';
import type { Labeled } from './datasets.js';
import { classScores, seededShuffle, type ClassScores } from './metrics.js';

export const SAMPLE_PER_CLASS = 1000;
const CLASSES = ['negative', 'positive'] as const;

export interface SentimentResult {
  sample: number;
  /** The shipped scorer: our word lists, no training on this data. */
  lexicon: ClassScores;
  /** EVAL ONLY, never shipped: naive Bayes trained on this dataset's rows outside the sample. */
  evalTrainedNaiveBayes: ClassScores & { trainedOn: number };
}

/** A balanced sample (equal positive and negative); the rest of the rows train the eval-only classifier. */
export function scoreSentimentSet(rows: readonly Labeled[], seed: number): SentimentResult {
  const shuffled = seededShuffle(rows, seed);
  const sample = CLASSES.flatMap((c) => shuffled.filter((r) => r.label === c).slice(0, SAMPLE_PER_CLASS));
  const inSample = new Set(sample);
  const rest = shuffled.filter((r) => !inSample.has(r));

  const gold = sample.map((r) => r.label);
  const lexicon = classScores(gold, sample.map((r) => scoreSentiment(r.text).label), CLASSES);

  const bayes = new NaiveBayesIntents();
  for (const r of rest) bayes.learn(r.label, tokenize(r.text));
  const predicted = sample.map((r) => {
    const p = bayes.posteriors(tokenize(r.text));
    return (p.get('positive') ?? 0) >= (p.get('negative') ?? 0) ? 'positive' : 'negative';
  });
  return { sample: sample.length, lexicon, evalTrainedNaiveBayes: { ...classScores(gold, predicted, CLASSES), trainedOn: rest.length } };
}
