import type { CachedConversation } from '../../db/schema.js';

export type RiskReason = 'handed-over' | 'angry' | 'negative' | 'repeated' | 'low-confidence' | 'long-loop' | 'waiting';

export interface BotRisk {
  score: number;
  reasons: RiskReason[];
}

/** Below this the bot's last answer was a guess. */
const LOW_CONFIDENCE = 0.45;
/** More bot turns than this and the customer is going round in circles ("猜你想问" loops). */
const LONG_LOOP = 3;
/** A customer message unanswered this long while the bot holds the conversation. */
const WAITING_MS = 60_000;

/**
 * How urgently a supervisor should look at a bot conversation: the customer's mood
 * (flag, negative trend, asking again), how unsure the bot is, how long it has been
 * looping, and an unanswered wait. Each reason is named so the view can say why.
 */
export function botRisk(c: Pick<CachedConversation, 'mood' | 'bot' | 'waitingSince'>, now: number): BotRisk {
  const reasons: RiskReason[] = [];
  let score = 0;
  const add = (reason: RiskReason, points: number) => {
    reasons.push(reason);
    score += points;
  };
  // The bot gave up and nobody has it yet: the customer is waiting on a person now.
  if (c.bot?.handoverReason) add('handed-over', 3);
  if (c.mood?.flag) add('angry', 5);
  else if (c.mood?.label === 'negative') add('negative', 2 + Math.min(2, Math.abs(c.mood.score) * 2));
  if (c.mood?.why.some((w) => w.startsWith('repeat'))) add('repeated', 2);
  const confidence = c.bot?.lastConfidence;
  if (confidence !== null && confidence !== undefined && confidence < LOW_CONFIDENCE) add('low-confidence', 1 + (LOW_CONFIDENCE - confidence) * 4);
  const turns = c.bot?.turns ?? 0;
  if (turns > LONG_LOOP) add('long-loop', Math.min(3, (turns - LONG_LOOP) * 0.75));
  if (c.waitingSince && now - c.waitingSince > WAITING_MS) add('waiting', 1);
  return { score: Math.round(score * 100) / 100, reasons };
}

/** Riskiest first; equal risk: the most recent activity first. */
export function byRisk<T extends Pick<CachedConversation, 'mood' | 'bot' | 'waitingSince' | 'lastActivityAt'>>(conversations: readonly T[], now: number): Array<T & { risk: BotRisk }> {
  return conversations
    .map((c) => ({ ...c, risk: botRisk(c, now) }))
    .sort((a, b) => b.risk.score - a.risk.score || b.lastActivityAt - a.lastActivityAt);
}
