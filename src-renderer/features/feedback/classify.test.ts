import { describe, expect, it } from 'vitest';
import { classify, similarity } from './classify.js';

const ANSWER = '亲，您的订单已经发货，物流单号可以在订单详情里查看，一般 2-3 天送达。';

describe('classify', () => {
  it.each([
    ['sent exactly as inserted', ANSWER, ANSWER, 'inserted'],
    ['only whitespace differs', ANSWER, `  ${ANSWER.replace('，', '， ')}\n`, 'inserted'],
    ['one word added', ANSWER, `王女士，${ANSWER}`, 'edited'],
    ['a small correction', ANSWER, ANSWER.replace('2-3', '3-5'), 'edited'],
    ['half of it kept', ANSWER, '亲，您的订单已经发货，稍后我把单号发给您。', 'edited'],
    ['replaced by other words', ANSWER, '好的，我帮您问一下仓库。', 'ignored'],
    ['English, edited', 'Your order has shipped and arrives in 2-3 days.', 'Hi Ann! Your order has shipped and arrives in 2-3 days.', 'edited'],
  ] as const)('%s → %s', (_name, inserted, sent, action) => {
    expect(classify(inserted, sent)).toBe(action);
  });

  it('calls a suggestion that was never inserted, or never sent, ignored', () => {
    expect(classify(undefined, ANSWER)).toBe('ignored');
    expect(classify(ANSWER, null)).toBe('ignored');
  });

  it('measures similarity from 0 (nothing shared) to 1 (same text)', () => {
    expect(similarity('发货了', '发货了')).toBe(1);
    expect(similarity('发货了', '退款吗')).toBe(0);
    expect(similarity('a', 'a')).toBe(1);
  });
});
