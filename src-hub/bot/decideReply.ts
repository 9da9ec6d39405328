import { detectLanguage, normalizeText, scoreSentiment, stripHtml, type Language, type SuggestionEngine } from '../../src-shared/ai/index.js';
import { BOT_MAX_TEXT } from './botOptions.js';
import { botText } from './botTexts.js';

export type HandoverReason = 'no-answer' | 'requested' | 'upset' | 'repeat' | 'escalated' | 'busy';

export type BotDecision =
  | { kind: 'answer'; text: string; articleId: string | null; confidence: number }
  | { kind: 'handover'; reason: HandoverReason; text: string };

export interface BotTurn {
  text: string;
  /** Earlier customer turns the bot has already replied to: asking one again means the answer did not help. */
  answered: readonly string[];
  /** The conversation's earlier customer turns, oldest first, for the engine's re-ranking. */
  context: readonly string[];
  /** No bot message yet in this conversation: say it is a bot. */
  first: boolean;
}

const GREETING = /^(你好|您好|哈喽|嗨|亲|在吗|在么|在不在|有人吗|有人在吗|早上好|下午好|晚上好|hi|hello|hey|hallo)+(啊|呀|呢)?$/;
const THANKS = /^(好的)?(谢谢|谢谢你|谢谢您|多谢|感谢|好的|明白了|知道了|收到|ok|okay|thanks|thankyou|thx)(啦|了|哈|啊)?$/;

const withIntro = (turn: BotTurn, language: Language, text: string) => (turn.first ? `${botText('intro', language)}\n\n${text}` : text);

/** The hand-over message, whichever way it came (also used when a person is asked for from the workstation). */
export function handoverText(reason: HandoverReason, language: Language, first: boolean): string {
  const lead = reason === 'no-answer' ? botText('noAnswer', language) : '';
  const text = `${lead}${botText('handover', language)}`;
  return first ? `${botText('intro', language)}\n\n${text}` : text;
}

/**
 * What the bot does with one customer message: answer from the KB, or hand over
 * to a person. Pure and bounded (the text is capped), so it is tested with tables.
 */
export function decideReply(engine: SuggestionEngine, turn: BotTurn, minConfidence: number): BotDecision {
  const text = turn.text.slice(0, BOT_MAX_TEXT);
  const language = detectLanguage(text);
  const handover = (reason: HandoverReason): BotDecision => ({ kind: 'handover', reason, text: handoverText(reason, language, turn.first) });

  const mood = scoreSentiment(text, { previous: turn.answered.map((t) => t.slice(0, BOT_MAX_TEXT)) });
  if (mood.signals.some((s) => s.startsWith('human:'))) return handover('requested');
  if (mood.risk === 'high' || (mood.label === 'negative' && mood.score <= -0.5)) return handover('upset');
  if (mood.signals.includes('repeat')) return handover('repeat');

  const bare = normalizeText(text).replace(/[\s\p{P}\p{S}]+/gu, '');
  if (GREETING.test(bare)) return { kind: 'answer', text: withIntro(turn, language, botText('greeting', language)), articleId: null, confidence: 1 };
  if (THANKS.test(bare)) return { kind: 'answer', text: withIntro(turn, language, botText('thanks', language)), articleId: null, confidence: 1 };

  const context = turn.context.slice(-3).map((t) => t.slice(0, BOT_MAX_TEXT));
  const [top] = engine.suggest({ text, context, language, k: 1 });
  if (!top || top.confidence < minConfidence) return handover('no-answer');
  return { kind: 'answer', text: withIntro(turn, language, stripHtml(top.body).trim()), articleId: top.articleId, confidence: top.confidence };
}
