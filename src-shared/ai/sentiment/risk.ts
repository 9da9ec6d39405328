import type { Cues } from './polarity.js';
import { RISK_WORDS } from './riskWords.js';

export type Risk = 'low' | 'medium' | 'high';

/** Points at which risk rises: one strong complaint word alone is high. */
const HIGH = 3;
const MEDIUM = 1.5;
/** Token overlap with an earlier message above which it is "asked again". */
const REPEAT_OVERLAP = 0.6;

/**
 * Adjacent UTF-16 unit pairs of the text without spaces, punctuation and symbols,
 * each as one number (high unit × 65536 + low): no string per pair, which made
 * long messages the slow tail of scoring. A one-unit text is its own "pair".
 */
const charBigrams = (text: string): Set<number> => {
  const compact = text.replace(/[\s\p{P}\p{S}]+/gu, '');
  const out = new Set<number>();
  for (let i = 0; i + 1 < compact.length; i++) out.add(compact.charCodeAt(i) * 65536 + compact.charCodeAt(i + 1));
  if (compact.length === 1) out.add(-1 - compact.charCodeAt(0));
  return out;
};

/** Overlap coefficient of character bigrams: script-agnostic and cheap. */
export function isRepeat(text: string, previous: readonly string[]): boolean {
  const now = charBigrams(text);
  if (now.size < 3) return false; // "好的", "ok" repeat without meaning anything
  return previous.some((p) => {
    const before = charBigrams(p);
    let shared = 0;
    for (const g of now) if (before.has(g)) shared++;
    return shared / Math.min(now.size, before.size || 1) >= REPEAT_OVERLAP;
  });
}

/** Risk from normalized text, the sentiment score and the shouting cues. */
export function riskOf(normalized: string, score: number, cues: Cues, previous: readonly string[]): { risk: Risk; signals: string[] } {
  const signals: string[] = [];
  let points = 0;
  const seenKinds = new Map<string, number>();
  for (const [word, { kind, points: p }] of RISK_WORDS) {
    if (!normalized.includes(word)) continue;
    signals.push(`${kind}:${word.trim()}`);
    // Several words of one kind are one signal: count the strongest.
    seenKinds.set(kind, Math.max(seenKinds.get(kind) ?? 0, p));
  }
  for (const p of seenKinds.values()) points += p;
  if (previous.length > 0 && isRepeat(normalized, previous)) (points += 1.5), signals.push('repeat');
  if (cues.caps) (points += 1), signals.push('caps');
  if (cues.exclaim) (points += 1), signals.push('exclaim');
  if (score <= -0.5) points += 1;
  else if (score <= -0.2) points += 0.5;
  return { risk: points >= HIGH ? 'high' : points >= MEDIUM ? 'medium' : 'low', signals };
}
