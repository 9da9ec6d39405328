import { describe, expect, it } from 'vitest';
import type { EngineArticle } from './article.js';
import { createSuggestionEngine } from './engine.js';

const KB: EngineArticle[] = [
  { id: 'ship', title: '下单后多久发货', body: '48小时内发货。', questions: ['什么时候发货', '多久能发出', '咋还不发货'], language: 'zh-CN' },
  { id: 'ship-en', variantOf: 'ship', title: 'When will my order ship?', body: 'Within 48 hours.', questions: ['when will it ship', 'how long until you send it'], language: 'en' },
  { id: 'ship-tw', variantOf: 'ship', title: '下單後多久發貨', body: '48小時內發貨。', questions: ['什麼時候發貨'], language: 'zh-TW' },
  { id: 'return-fee', title: '退货运费谁承担', body: '质量问题我们承担运费。', questions: ['退货运费谁出', '退回去要付邮费吗'], language: 'zh-CN' },
  { id: 'invoice', title: '怎么开发票', body: '在订单详情申请开票。', questions: ['发票怎么开', '能开票吗', '我要开发票'], language: 'zh-CN' },
  { id: 'install', title: '提供安装服务吗', body: '大件免费上门安装。', questions: ['包安装吗', '有师傅上门装吗'], language: 'zh-CN' },
];

describe('createSuggestionEngine', () => {
  it.each([
    ['付款后几天能发货啊', 'ship'],
    ['请问可以开发票不', 'invoice'],
    ['退回去的快递费谁出', 'return-fee'],
    ['师傅会上门装吗', 'install'],
  ])('%s → %s', (text, id) => {
    const [top] = createSuggestionEngine(KB).suggest({ text });
    expect(top?.articleId).toBe(id);
    expect(top!.confidence).toBeGreaterThan(0);
    expect(top!.confidence).toBeLessThanOrEqual(1);
  });

  it.each([
    ['什麼時候發貨呢', 'ship-tw', 'zh-TW'],
    ['when will my order ship', 'ship-en', 'en'],
    ['什么时候发货', 'ship', 'zh-CN'],
  ])('answers %s in the customer language (%s)', (text, id, language) => {
    const suggestions = createSuggestionEngine(KB).suggest({ text });
    expect(suggestions[0]).toMatchObject({ articleId: id, language });
    // Translations of one answer count once.
    expect(suggestions.filter((s) => s.articleId.startsWith('ship')).length).toBe(1);
  });

  it('re-ranks with the conversation: a vague follow-up leans on earlier turns', () => {
    const engine = createSuggestionEngine(KB);
    const alone = engine.suggest({ text: '那运费呢', k: 3 });
    const withContext = engine.suggest({ text: '那运费呢', context: ['我想退货'], k: 3 });
    expect(withContext[0]?.articleId).toBe('return-fee');
    expect(withContext[0]!.evidence.context).toBeGreaterThan(0);
    expect(alone[0]?.evidence.context ?? 0).toBe(0);
  });

  it('the current message outweighs the context', () => {
    const top = createSuggestionEngine(KB).suggest({ text: '我要开发票', context: ['退货运费谁出', '退回去要付邮费吗'] })[0];
    expect(top?.articleId).toBe('invoice');
  });

  it('upsert and remove update the index in place', () => {
    const engine = createSuggestionEngine(KB);
    expect(engine.size).toBe(6);
    engine.upsert({ id: 'coupon', title: '优惠券怎么用', body: '结算时自动使用。', questions: ['券怎么用'] });
    expect(engine.suggest({ text: '优惠券怎么用' })[0]?.articleId).toBe('coupon');
    engine.upsert({ id: 'coupon', title: '积分怎么用', body: '100积分抵1元。', questions: ['积分能抵钱吗'] });
    expect(engine.suggest({ text: '优惠券' })).toEqual([]);
    expect(engine.suggest({ text: '积分能抵钱吗' })[0]?.articleId).toBe('coupon');
    expect(engine.remove('invoice')).toBe(true);
    expect(engine.remove('invoice')).toBe(false);
    expect(engine.suggest({ text: '发票怎么开' }).some((s) => s.articleId === 'invoice')).toBe(false);
    expect(engine.size).toBe(6);
  });

  it.each([[''], ['😀😀😀'], ['<script>alert(1)</script>'], ['发货'.repeat(25_000)], ['  \n\t ']])('never throws on %j', (text) => {
    expect(() => createSuggestionEngine(KB).suggest({ text })).not.toThrow();
  });

  it('gives no suggestion for words the KB does not know', () => {
    expect(createSuggestionEngine(KB).suggest({ text: '😀😀' })).toEqual([]);
    expect(createSuggestionEngine(KB).suggest({ text: 'zebra quantum' })).toEqual([]);
  });
});
