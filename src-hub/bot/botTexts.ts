import type { Language } from '../../src-shared/ai/index.js';

/**
 * What the bot says in its own words, per customer language. The hub has no
 * locale files: these are customer-facing texts, kept together so a test checks
 * that every one exists in all three languages.
 */
export const BOT_TEXTS = {
  intro: {
    'zh-CN': '您好，我是智能助手（机器人），先为您解答；需要时会为您转接人工客服。',
    'zh-TW': '您好，我是智慧助理（機器人），先為您解答；需要時會為您轉接真人客服。',
    en: "Hi, I'm the shop's virtual assistant (a bot). I'll answer first and bring in a person when needed.",
  },
  greeting: {
    'zh-CN': '请问有什么可以帮您？',
    'zh-TW': '請問有什麼可以幫您？',
    en: 'How can I help you?',
  },
  thanks: {
    'zh-CN': '不客气，还有其他问题随时问我。',
    'zh-TW': '不客氣，還有其他問題隨時問我。',
    en: "You're welcome. Ask me anything else any time.",
  },
  handover: {
    'zh-CN': '正在为您转接人工客服，请稍候…',
    'zh-TW': '正在為您轉接真人客服，請稍候…',
    en: 'Connecting you to a person, please wait…',
  },
  noAnswer: {
    'zh-CN': '这个问题我暂时答不好，',
    'zh-TW': '這個問題我暫時答不好，',
    en: "I don't have a good answer to that. ",
  },
  joined: {
    'zh-CN': '{name} 已接入，为您服务。',
    'zh-TW': '{name} 已加入，為您服務。',
    en: '{name} has joined the chat.',
  },
  escalatedTier2: {
    'zh-CN': '您的问题需要专员处理，正在为您转接专员，请稍候…',
    'zh-TW': '您的問題需要專員處理，正在為您轉接專員，請稍候…',
    en: 'We are passing you to a specialist, please wait…',
  },
  escalatedSupervisor: {
    'zh-CN': '正在为您转接主管，请稍候…',
    'zh-TW': '正在為您轉接主管，請稍候…',
    en: 'We are passing you to a supervisor, please wait…',
  },
  backToBot: {
    'zh-CN': '智能助手（机器人）将继续为您服务；需要人工时请随时告诉我。',
    'zh-TW': '智慧助理（機器人）將繼續為您服務；需要真人時請隨時告訴我。',
    en: "You're back with the virtual assistant (a bot). Ask for a person any time.",
  },
} as const satisfies Record<string, Record<Language, string>>;

export type BotTextKey = keyof typeof BOT_TEXTS;

export const botText = (key: BotTextKey, language: Language, values: { name?: string } = {}): string =>
  BOT_TEXTS[key][language].replace('{name}', values.name ?? '');
