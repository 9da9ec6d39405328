import type { SuggestionAction } from '../../../src-shared/index.js';

/** How much of the inserted text must survive for the suggestion to count as used. */
const KEPT_AT_LEAST = 0.3;

/** Spaces and line breaks are layout, not content (an IME or a paste adds them freely). */
const normalise = (text: string) => text.replace(/\s+/g, '');

/** Character bigrams: work for Chinese (no spaces between words) and English alike. */
function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const chars = [...text];
  for (let i = 0; i < chars.length - 1; i++) {
    const pair = chars[i]! + chars[i + 1]!;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** Dice coefficient over character bigrams: 1 for equal texts, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const [x, y] = [bigrams(a), bigrams(b)];
  const total = [...x.values(), ...y.values()].reduce((s, n) => s + n, 0);
  if (total === 0) return a === b ? 1 : 0;
  let shared = 0;
  for (const [pair, n] of x) shared += Math.min(n, y.get(pair) ?? 0);
  return (2 * shared) / total;
}

/**
 * What became of one shown suggestion, given the text it put in the composer (if it
 * was inserted) and the reply that went out (null: none did).
 * - sent exactly as inserted (whitespace aside) → `inserted`;
 * - sent after any edit that kept a fair part of it (even one added word) → `edited`;
 * - never inserted, not sent, or replaced by other words before sending → `ignored`.
 */
export function classify(insertedText: string | undefined, sentText: string | null): SuggestionAction {
  if (insertedText === undefined || sentText === null) return 'ignored';
  const [inserted, sent] = [normalise(insertedText), normalise(sentText)];
  if (inserted === sent) return 'inserted';
  return similarity(inserted, sent) >= KEPT_AT_LEAST ? 'edited' : 'ignored';
}
