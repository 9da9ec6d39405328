import { describe, expect, it } from 'vitest';
import { createSuggestionEngine, detectLanguage, scoreSentiment, type EngineArticle } from './index.js';

/**
 * Issue 4's bad-input line, across the engine's entry points: empty, emoji-only,
 * 50k-character, mixed-script and HTML-laden messages give sensible results and
 * never throw, as the current message and as context.
 */
const KB: EngineArticle[] = [
  { id: 'ship', title: '下单后多久发货', body: '48小时内发货。', questions: ['什么时候发货', '多久能发出'], language: 'zh-CN' },
  { id: 'ship-en', variantOf: 'ship', title: 'When will my order ship?', body: 'Within 48 hours.', questions: ['when will it ship'], language: 'en' },
  { id: 'invoice', title: '怎么开发票', body: '在订单详情申请开票。', questions: ['发票怎么开', '能开票吗'], language: 'zh-CN' },
  { id: 'refund', title: '退款多久到账', body: '原路退回，1-3个工作日。', questions: ['退款什么时候到', 'when do I get my refund'], language: 'zh-CN' },
];
const engine = createSuggestionEngine(KB);
const top = (text: string, context?: string[]) => engine.suggest({ text, context })[0]?.articleId;

const HTML_INVOICE = '<div style="color:red"><p>请问可以<b>开发票</b>吗？</p><script>alert("退款 refund")</script><style>p{}</style>&nbsp;&#x1F600;</div>';
const LONG_REFUND = '退款什么时候到'.repeat(7_200); // 50k characters

describe('bad input: suggestions', () => {
  it.each([
    ['empty', undefined, ''],
    ['whitespace only', undefined, ' \n\t '],
    ['emoji only', undefined, '😀😡👍🎉'],
    ['only tags', undefined, '<p><br/></p>'],
    ['HTML-laden (the script is not the question)', 'invoice', HTML_INVOICE],
    ['entity-escaped', 'invoice', '&lt;b&gt;发票&lt;/b&gt;怎么开'],
    ['mixed script', 'ship', '我的order什么时候发货'],
    ['mixed script, English first (answered in English)', 'ship-en', 'when will my 订单 ship'],
    ['50k characters', 'refund', LONG_REFUND],
    ['50k characters of emoji', undefined, '😀'.repeat(25_000)],
    ['lone surrogates and controls', 'invoice', '\uD800\uDFFF\u0000发票怎么开\u200B'],
  ])('%s → %s', (_, expected, text) => {
    expect(top(text)).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['emoji only', '😀😀'],
    ['HTML-laden', HTML_INVOICE],
    ['50k characters', LONG_REFUND],
    ['a lone surrogate', '\uD800'],
  ])('context that is %s never throws and never outweighs the message', (_, turn) => {
    expect(top('什么时候发货', [turn, turn])).toBe('ship');
  });

  it('missing text from the wire is an empty message, not a crash', () => {
    expect(engine.suggest({ text: undefined as unknown as string, context: [null as unknown as string] })).toEqual([]);
  });
});

describe('bad input: sentiment and language', () => {
  it.each([
    ['empty', 'neutral', 'zh-CN', ''],
    ['emoji only, angry', 'negative', 'zh-CN', '😡😡🤬'],
    ['emoji only, happy', 'positive', 'zh-CN', '👍🎉'],
    ['HTML-laden, the script is not what they said', 'negative', 'zh-CN', '<p>服务<b>太差</b>了</p><script>谢谢 完美</script>'],
    ['mixed script, mostly English', 'negative', 'en', '这个order太慢了, really disappointed'],
    ['mixed script, Traditional', 'positive', 'zh-TW', '東西很漂亮 thanks'],
    ['50k characters', 'negative', 'zh-CN', '差'.repeat(50_000)],
    ['50k characters of English', 'positive', 'en', 'great '.repeat(8_400)],
  ])('%s → %s, %s', (_, label, language, text) => {
    const s = scoreSentiment(text, { previous: [text, '', '😀'] });
    expect(s.label).toBe(label);
    expect(Math.abs(s.score)).toBeLessThanOrEqual(1);
    expect(detectLanguage(text)).toBe(language);
  });

  it('a script block cannot raise risk', () => {
    expect(scoreSentiment('<script>我要投诉 12315</script>请问发票怎么开').risk).toBe('low');
  });
});
