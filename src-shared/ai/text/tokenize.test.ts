import { describe, expect, it } from 'vitest';
import { MAX_TOKENS, tokenize } from './tokenize.js';

describe('tokenize', () => {
  // Word boundaries come from ICU and may shift between Node and Electron: the
  // tables pin what must (and must not) be there, bigrams being deterministic.
  it.each([
    ['zh-CN words and bigrams', '退货运费谁出', ['退货', '运费', '货运', '费谁'], []],
    ['particles are stop words', '我的退货了吗', ['退货'], ['的', '了', '吗', '我']],
    ['English stems, stop words gone, word pairs kept', 'My cards are not working', ['card', 'not', 'work', 'card_not', 'not_work'], ['my', 'are']],
    ["n't is a negation", "hasn't arrived", ['not', 'arriv', 'not_arriv'], ["hasn't"]],
    ['full-width folds to half-width', 'ＩＫＥＡ１２３！', ['ikea123'], ['ＩＫＥＡ１２３']],
    ['mixed script', '沙发size多大', ['沙发', 'siz', '多大'], []],
    ['double eleven spellings meet', '双十一', ['11'], ['十一']],
    ['HTML tags and scripts dropped', '<p>退货<script>alert("x")</script></p>', ['退货'], ['alert', 'p', 'script', 'x']],
  ])('%s', (_, text, present, absent) => {
    const tokens = tokenize(text);
    for (const t of present) expect(tokens).toContain(t);
    for (const t of absent) expect(tokens).not.toContain(t);
  });

  it.each([
    ['退貨運費誰出', '退货运费谁出'],
    ['發票怎麼開', '发票怎么开'],
    ['請問雙十一的優惠券', '请问双十一的优惠券'],
  ])('Traditional %s gives the same tokens as Simplified %s', (traditional, simplified) => {
    expect(tokenize(traditional)).toEqual(tokenize(simplified));
  });

  it.each([['😀😡👍'], [''], ['   '], ['！？。，']])('%j gives no tokens', (text) => {
    expect(tokenize(text)).toEqual([]);
  });

  it('caps work on a 50k-character message and never throws', () => {
    const tokens = tokenize('我要退货'.repeat(12_500));
    expect(tokens.length).toBeGreaterThan(100);
    expect(tokens.length).toBeLessThanOrEqual(MAX_TOKENS);
  });

  it('survives malformed HTML and lone surrogates', () => {
    expect(() => tokenize('<div <<< &#xFFFFFF; &bogus; \uD800 退')).not.toThrow();
  });
});
