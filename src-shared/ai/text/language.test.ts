import { describe, expect, it } from 'vitest';
import { toSimplified } from './fold.js';
import { detectLanguage } from './language.js';

describe('detectLanguage', () => {
  it.each([
    ['我要退货', 'zh-CN'],
    ['我要退貨', 'zh-TW'],
    ['請問發票怎麼開', 'zh-TW'],
    ['请问发票怎么开', 'zh-CN'],
    ['Where is my parcel?', 'en'],
    ['沙发size多大', 'zh-CN'],
    ['my 沙发 is broken and the delivery guy was rude to me', 'en'],
    ['<b>hello</b>', 'en'],
    ['😀😀', 'zh-CN'],
    ['', 'zh-CN'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('keeps a known zh-TW customer on zh-TW when the message is script-neutral', () => {
    expect(detectLanguage('你好', 'zh-TW')).toBe('zh-CN'); // no Traditional-only character: nothing to go on
    expect(detectLanguage('123', 'zh-TW')).toBe('zh-TW');
  });
});

describe('toSimplified', () => {
  it.each([
    ['發票', '发票'],
    ['軟體', '软件'],
    ['退貨運費', '退货运费'],
    ['已经是简体', '已经是简体'],
  ])('%s → %s', (traditional, simplified) => {
    expect(toSimplified(traditional)).toBe(simplified);
  });
});
