import type { SentimentScore } from './score.js';

export type Trend = 'rising' | 'steady' | 'falling';

export interface ConversationMood {
  trend: Trend;
  flag: boolean;
  /** The words and signals behind the flag, most recent first; empty when not flagged. */
  why: string[];
}

/** How many recent customer messages the roll-up looks at. */
export const WINDOW = 5;

/** Five bands: 0 very negative … 4 very positive. */
export const bandOf = (score: number): number => (score <= -0.6 ? 0 : score <= -0.2 ? 1 : score < 0.2 ? 2 : score < 0.6 ? 3 : 4);
const BAND_NAMES = ['very negative', 'negative', 'neutral', 'positive', 'very positive'];

/**
 * Per conversation, oldest message first. Flags when the latest message sits two
 * bands below the best of the window (neutral → very negative, positive → negative),
 * or when any of the last two messages carries high risk.
 */
export function rollUp(scores: readonly SentimentScore[]): ConversationMood {
  const recent = scores.slice(-WINDOW);
  const latest = recent.at(-1);
  if (!latest) return { trend: 'steady', flag: false, why: [] };
  const bands = recent.map((s) => bandOf(s.score));
  const last = bands.at(-1)!;
  const first = bands[0]!;
  const trend: Trend = last < first ? 'falling' : last > first ? 'rising' : 'steady';
  const peak = Math.max(...bands);
  const why: string[] = [];
  if (peak - last >= 2) why.push(`fell from ${BAND_NAMES[peak]} to ${BAND_NAMES[last]}`);
  const risky = recent.slice(-2).filter((s) => s.risk === 'high');
  if (risky.length > 0) why.push('risk:high');
  if (why.length === 0) return { trend, flag: false, why };
  const words = [...recent].reverse().flatMap((s) => s.signals.filter((x) => !x.startsWith('pos:')));
  return { trend, flag: true, why: [...new Set([...why, ...words])] };
}
