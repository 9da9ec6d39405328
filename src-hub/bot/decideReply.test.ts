import { describe, expect, it } from 'vitest';
import type { KbArticle } from '../../src-shared/domain/queue.js';
import { createBotKnowledge } from './botKnowledge.js';
import { DEFAULT_MIN_CONFIDENCE } from './botOptions.js';
import { BOT_TEXTS } from './botTexts.js';
import { decideReply, type BotTurn } from './decideReply.js';
import { TEST_KB } from './testKb.js';

const knowledge = createBotKnowledge();
for (const a of TEST_KB) knowledge.apply('shop', { ...a, accountId: 'shop', updatedAt: 1 } as KbArticle);
const engine = knowledge.engineOf('shop')!;
const turn = (text: string, more: Partial<BotTurn> = {}): BotTurn => ({ text, answered: [], context: [], first: false, ...more });
const decide = (t: BotTurn) => decideReply(engine, t, DEFAULT_MIN_CONFIDENCE);

describe('decideReply', () => {
  it.each([
    ['下单后多久发货', 'ship-01', '48小时内发货'],
    ['怎么开发票', 'inv-01', '申请开票'],
    ['什么时候能发货啊', 'ship-01', '48小时内发货'],
    ['when will my order ship', 'ship-01-en', 'within 48 hours'],
    ['什麼時候能發貨', 'ship-01-tw', '48小時內發貨'],
  ])('answers %s from %s, in the customer language', (text, articleId, words) => {
    const decision = decide(turn(text));
    expect(decision).toMatchObject({ kind: 'answer', articleId });
    expect(decision.text).toContain(words);
  });

  it.each([
    ['我想买一辆汽车', 'no-answer'],
    ['今天天气怎么样', 'no-answer'],
    ['转人工', 'requested'],
    ['我要找人工客服', 'requested'],
    ['Can I talk to a real person?', 'requested'],
    ['你们太垃圾了，我要投诉！', 'upset'],
    ['再不处理我就打12315', 'upset'],
  ])('%s hands over (%s)', (text, reason) => {
    expect(decide(turn(text))).toMatchObject({ kind: 'handover', reason });
  });

  it('hands over when a question the bot answered is asked again', () => {
    expect(decide(turn('下单后多久发货？', { answered: ['下单后多久发货'] }))).toMatchObject({ kind: 'handover', reason: 'repeat' });
    // Earlier turns the bot has not answered yet are context, not a repeat.
    expect(decide(turn('下单后多久发货？', { context: ['下单后多久发货'] }))).toMatchObject({ kind: 'answer' });
  });

  it.each([
    ['你好', 'greeting', 'zh-CN'],
    ['在吗？', 'greeting', 'zh-CN'],
    ['hello!', 'greeting', 'en'],
    ['谢谢', 'thanks', 'zh-CN'],
    ['Thanks!', 'thanks', 'en'],
  ] as const)('small talk %s gets %s, not a hand-over', (text, key, language) => {
    expect(decide(turn(text))).toMatchObject({ kind: 'answer', articleId: null, text: BOT_TEXTS[key][language] });
  });

  it.each([
    ['下单后多久发货', 'zh-CN'],
    ['下單後多久發貨', 'zh-TW'],
    ['when will my order ship', 'en'],
    ['我想买一辆汽车', 'zh-CN'],
  ] as const)('the first reply to %s says it is a bot (%s)', (text, language) => {
    expect(decide(turn(text, { first: true })).text.startsWith(BOT_TEXTS.intro[language])).toBe(true);
    expect(decide(turn(text)).text).not.toContain(BOT_TEXTS.intro[language]);
  });

  it.each([
    ['我想买一辆汽车', 'zh-CN'],
    ['Do you sell cars?', 'en'],
    ['轉真人客服', 'zh-TW'],
  ] as const)('the hand-over for %s tells the customer a person is coming (%s)', (text, language) => {
    expect(decide(turn(text)).text).toContain(BOT_TEXTS.handover[language]);
  });

  it.each([[''], ['😀😀😀'], ['x'.repeat(50_000)], ['<script>alert(1)</script>发票'], ['发票'.repeat(5000)]])('never throws on %#', (text) => {
    const started = performance.now();
    expect(['answer', 'handover']).toContain(decide(turn(text, { answered: ['x'.repeat(50_000)], context: ['y'.repeat(50_000)] })).kind);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('never answers with a canned reply', () => {
    expect(decide(turn('今天天气怎么样')).text).not.toContain('有什么可以帮您');
  });
});

describe('bot texts', () => {
  it('exist in zh-CN, zh-TW and en', () => {
    for (const texts of Object.values(BOT_TEXTS)) for (const language of ['zh-CN', 'zh-TW', 'en'] as const) expect(texts[language].length).toBeGreaterThan(1);
  });
});
