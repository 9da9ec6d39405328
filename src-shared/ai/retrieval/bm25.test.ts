import { describe, expect, it } from 'vitest';
import { Bm25Index } from './bm25.js';

const index = () => {
  const i = new Bm25Index();
  i.add('ship', '发货时间 下单后多久发货');
  i.add('refund', '退款到账 退款多久到账');
  i.add('invoice', '开发票 怎么开发票');
  return i;
};

describe('Bm25Index', () => {
  it.each([
    ['多久发货', 'ship'],
    ['退款什么时候到账', 'refund'],
    ['發票怎麼開', 'invoice'],
  ])('%s ranks %s first', (query, id) => {
    expect(index().search(query)[0]?.id).toBe(id);
  });

  it('returns nothing for unknown words, and coverage in 0..1', () => {
    const i = index();
    expect(i.search('沙发')).toEqual([]);
    for (const hit of i.search('退款 发票')) expect(hit.coverage).toBeGreaterThan(0), expect(hit.coverage).toBeLessThanOrEqual(1);
  });

  it('rarer terms weigh more (idf)', () => {
    const i = new Bm25Index();
    i.add('a', 'card card');
    i.add('b', 'card pin');
    i.add('c', 'card');
    expect(i.idf('pin')).toBeGreaterThan(i.idf('card'));
    expect(i.search('card pin')[0]?.id).toBe('b');
  });

  it('updates in place: remove and re-add change results without a rebuild', () => {
    const i = index();
    expect(i.remove('ship')).toBe(true);
    expect(i.remove('ship')).toBe(false);
    expect(i.search('发货')).toEqual([]);
    i.add('refund', '发货 通知');
    expect(i.search('发货')[0]?.id).toBe('refund');
    expect(i.search('到账')).toEqual([]);
    expect(i.size).toBe(2);
  });
});
