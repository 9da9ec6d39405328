import { MAX_TEXT_CHARS, normalizeText, stripHtml } from '../text/normalize.js';
import { polarityOf, type PolarityHit } from './polarity.js';
import { riskOf, type Risk } from './risk.js';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface SentimentScore {
  label: SentimentLabel;
  /** -1..1 */
  score: number;
  /** 0..1: how much evidence, and how much it agrees. */
  confidence: number;
  risk: Risk;
  /** Why: the words and cues found, e.g. "complaint:投诉", "neg:慢", "caps", "exclaim". */
  signals: string[];
}

export interface SentimentOptions {
  /** The same customer's earlier messages, to notice a question asked again. */
  previous?: readonly string[];
}

/** Beyond ±this the message is not neutral. */
const NEUTRAL_BAND = 0.2;

/** s / sqrt(s² + 4): 1 point ≈ 0.45, 2 points ≈ 0.7, never reaching ±1. */
const squash = (sum: number) => sum / Math.sqrt(sum * sum + 4);

function confidenceOf(hits: readonly PolarityHit[], score: number): number {
  if (hits.length === 0) return 0.4; // no sentiment words: neutral, but we are guessing
  const total = hits.reduce((s, h) => s + Math.abs(h.value), 0);
  const agreement = Math.abs(hits.reduce((s, h) => s + h.value, 0)) / (total || 1);
  return Math.round(Math.min(0.95, 0.3 + 0.3 * agreement + 0.1 * Math.min(hits.length, 3) + 0.1 * Math.abs(score)) * 100) / 100;
}

/**
 * Earlier messages come back as `previous` again and again (the worker re-scores a
 * conversation's last turns on every new message): normalize each once while it is recent.
 */
const RECENT = 128;
const normalizedRecent = new Map<string, string>();
function normalizePrevious(text: string): string {
  let normalized = normalizedRecent.get(text);
  if (normalized === undefined) {
    normalized = normalizeText(text);
    if (normalizedRecent.size >= RECENT) normalizedRecent.delete(normalizedRecent.keys().next().value!);
    normalizedRecent.set(text, normalized);
  }
  return normalized;
}

/** Lexicon scorer for zh-CN, zh-TW (folded to Simplified) and en. Never throws. */
export function scoreSentiment(text: string, options: SentimentOptions = {}): SentimentScore {
  const raw = stripHtml((text ?? '').slice(0, MAX_TEXT_CHARS)).normalize('NFKC');
  const normalized = normalizeText(raw);
  const { sum, hits, cues } = polarityOf(raw, normalized);
  const score = Math.round(squash(sum) * 1000) / 1000;
  const label: SentimentLabel = score <= -NEUTRAL_BAND ? 'negative' : score >= NEUTRAL_BAND ? 'positive' : 'neutral';
  const { risk, signals: riskSignals } = riskOf(normalized, score, cues, (options.previous ?? []).map(normalizePrevious));
  const signals = [...riskSignals, ...hits.map((h) => `${h.value < 0 ? 'neg' : 'pos'}:${h.word}`)];
  return { label, score, confidence: confidenceOf(hits, score), risk, signals: [...new Set(signals)] };
}
