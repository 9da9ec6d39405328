/** `startHub({ bot })`: the first-line bot that answers web-chat customers from the account's KB. */
export interface BotOptions {
  /** Default true: the bot serves every web-chat account whose KB has at least one article. false: never. */
  enabled?: boolean;
  /** The top suggestion's confidence (0..1) at or above which the bot answers; below it hands over. */
  minConfidence?: number;
  /** The name customers and agents see on the bot's messages. */
  name?: string;
  /** How long the bot waits before answering; lines typed within it get one answer. Default 400. */
  replyDelayMs?: number;
}

/**
 * Measured on the demo KB (assets/kb: 156 answers, 244 articles with their zh-TW and en variants): the
 * 851 example questions score 0.45+ (p10 0.495) and 847 rank their own article first;
 * 32 held-out paraphrases (tools/eval/demoKb.test.ts) score 0.05–0.46, and every
 * one at 0.25 or more (11 of 32) ranks the right article first, while the wrong
 * first-ranked ones score at most 0.14; 22 off-topic questions ("今天天气怎么样",
 * "我的订单号是123456") score at most 0.23 (greetings and thanks are handled apart).
 * 0.25 answers what it can answer right and hands the rest to a person.
 * 0.45 would answer only near-verbatim KB questions (1 of 32 paraphrases).
 */
export const DEFAULT_MIN_CONFIDENCE = 0.25;
export const DEFAULT_BOT_NAME = '智能助手';

/** Live chat only: an email customer expects a person's reply, not an instant bot. */
export const BOT_CHANNELS: ReadonlySet<string> = new Set(['webchat']);

/** The engine sees at most this much of a message: a question is short, the rest only costs time. */
export const BOT_MAX_TEXT = 500;
/** Conversations waiting for the bot at once; beyond this the bot hands over at once instead of thinking. */
export const BOT_MAX_PENDING = 200;

export const DEFAULT_REPLY_DELAY_MS = 400;

export interface ResolvedBotOptions {
  enabled: boolean;
  minConfidence: number;
  name: string;
  replyDelayMs: number;
}

export const resolveBotOptions = (options: BotOptions = {}): ResolvedBotOptions => ({
  enabled: options.enabled ?? true,
  minConfidence: Math.min(1, Math.max(0, options.minConfidence ?? DEFAULT_MIN_CONFIDENCE)),
  name: (options.name ?? DEFAULT_BOT_NAME).trim().slice(0, 200) || DEFAULT_BOT_NAME,
  replyDelayMs: Math.min(10_000, Math.max(0, options.replyDelayMs ?? DEFAULT_REPLY_DELAY_MS)),
});
