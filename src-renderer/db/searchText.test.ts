import { describe, expect, it } from 'vitest';
import { fold, foldWithOffsets, MAX_TERMS, termsOf } from './searchText.js';

describe('termsOf', () => {
  it.each([
    ['简体', '我的快递到哪了', ['我的', '的快', '快递', '递到', '到哪', '哪了']],
    ['繁體 folds to 简体', '請問訂單', ['请问', '问订', '订单']],
    ['English, any case', 'Where is my PARCEL?', ['where', 'is', 'my', 'parcel']],
    ['mixed scripts split into runs', 'iPhone15退货', ['iphone15', '退货']],
    ['full-width latin and digits (NFKC)', 'ＡＢＣ１２３', ['abc123']],
    ['emoji are not terms', '👍👍 ok', ['ok']],
    ['HTML-like text is text: tag names are words', '<b>退款</b>', ['b', '退款']],
    ['punctuation separates', '订单#A-1234,谢谢', ['订单', 'a', '1234', '谢谢']],
    ['a single CJK character is not a term', '好', []],
    ['empty', '', []],
    ['accents stay, case folds', 'Café ÉTÉ', ['café', 'été']],
  ])('%s', (_name, text, expected) => {
    expect([...termsOf(text)].sort()).toEqual([...expected].sort());
  });

  it('caps very long texts and very long words', () => {
    const terms = termsOf('字'.repeat(5) + '汉字'.repeat(100_000) + ' ' + 'x'.repeat(500));
    expect(terms.size).toBeLessThanOrEqual(MAX_TERMS);
    expect(termsOf('y'.repeat(500))).toEqual(new Set(['y'.repeat(32)]));
    const many = Array.from({ length: 5_000 }, (_, i) => `w${i}`).join(' ');
    expect(termsOf(many).size).toBeLessThanOrEqual(MAX_TERMS);
  });
});

describe('fold', () => {
  it.each([
    ['繁→简 by character', '發貨時間', '发货时间'],
    ['lowercase', 'ABC', 'abc'],
    ['full-width', 'ＡＢ', 'ab'],
  ])('%s', (_name, text, expected) => expect(fold(text)).toBe(expected));

  it('maps every folded unit back to the original text', () => {
    const text = '😀Ａ發';
    const { folded, starts, ends } = foldWithOffsets(text);
    expect(folded).toBe('😀a发');
    expect(starts).toEqual([0, 0, 2, 3]);
    expect(ends).toEqual([2, 2, 3, 4]);
  });
});
