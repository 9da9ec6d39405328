import { isRepeat } from '../sentiment/risk.js';
import { scoreSentiment } from '../sentiment/score.js';
import { stripHtml } from '../text/normalize.js';
import { tokenize } from '../text/tokenize.js';

export interface SummaryTurn {
  author: 'customer' | 'agent' | 'bot' | 'system';
  text: string;
}

export interface SummaryLine {
  author: SummaryTurn['author'];
  text: string;
}

export interface SummaryOptions {
  /** How far back to look: an escalation is about what is happening now. */
  lastTurns?: number;
  /** Customer sentences kept. */
  sentences?: number;
  /** Each kept sentence is cut to this many characters. */
  maxChars?: number;
}

const SENTENCE_END = /(?<=[。！？!?；;.\n])\s*/u;
const HAS_DIGITS = /\d{3,}/; // order numbers, phone numbers, amounts
const QUESTION = /[?？吗呢么]\s*$/u;

/** Below this a sentence is small talk ("你好", "ok", "在吗"): the receiver gains nothing from it. */
const MIN_WEIGHT = 3;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** How much a sentence tells the receiver: its distinct words, plus what they must not miss. */
function weightOf(sentence: string): number {
  const distinct = new Set(tokenize(sentence)).size;
  if (distinct === 0) return 0;
  const mood = scoreSentiment(sentence);
  return (
    Math.min(distinct, 12) +
    (HAS_DIGITS.test(sentence) ? 3 : 0) +
    (QUESTION.test(sentence) ? 2 : 0) +
    (mood.risk === 'high' ? 4 : mood.risk === 'medium' ? 2 : 0)
  );
}

/**
 * An extractive summary for whoever receives an escalation: the customer's most
 * telling sentences from the last turns (in the order they were said, repeats
 * dropped), then the last thing we answered, so the receiver sees what was
 * already tried. Pure and local: it works offline and never invents words.
 */
export function summarizeTurns(turns: readonly SummaryTurn[], options: SummaryOptions = {}): SummaryLine[] {
  const { lastTurns = 10, sentences = 3, maxChars = 200 } = options;
  const recent = turns.slice(-lastTurns);
  const candidates = recent
    .flatMap((turn, index) =>
      turn.author !== 'customer'
        ? []
        : stripHtml(turn.text)
            .split(SENTENCE_END)
            .map((s) => s.trim())
            .filter(Boolean)
            .map((text, part) => ({ text, order: index * 1000 + part, weight: weightOf(text) })),
    )
    .filter((c) => c.weight >= MIN_WEIGHT);

  const kept: typeof candidates = [];
  for (const c of [...candidates].sort((a, b) => b.weight - a.weight || b.order - a.order)) {
    if (kept.length >= sentences) break;
    if (isRepeat(c.text, kept.map((k) => k.text))) continue;
    kept.push(c);
  }
  const lines: SummaryLine[] = kept.sort((a, b) => a.order - b.order).map((c) => ({ author: 'customer', text: clip(c.text, maxChars) }));

  const lastAnswer = [...recent].reverse().find((t) => t.author === 'agent' || t.author === 'bot');
  if (lastAnswer) lines.push({ author: lastAnswer.author, text: clip(stripHtml(lastAnswer.text).trim(), maxChars) });
  return lines;
}
