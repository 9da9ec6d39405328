import { describe, expect, it } from 'vitest';
import { summarizeTurns, type SummaryTurn } from './summarize.js';

const c = (text: string): SummaryTurn => ({ author: 'customer', text });
const bot = (text: string): SummaryTurn => ({ author: 'bot', text });

describe('summarizeTurns', () => {
  it('keeps the telling customer sentences in order, drops greetings and repeats (keeping the latest wording), ends with our last answer', () => {
    const lines = summarizeTurns([
      c('你好'),
      c('我的订单 202611250001 三天了还没发货。'),
      bot('现货商品下单后 48 小时内发货。'),
      c('我的订单 202611250001 三天了还没发货！'),
      c('再不发货我就投诉到12315！'),
      c('好的'),
    ]);
    expect(lines).toEqual([
      { author: 'customer', text: '我的订单 202611250001 三天了还没发货！' },
      { author: 'customer', text: '再不发货我就投诉到12315！' },
      { author: 'bot', text: '现货商品下单后 48 小时内发货。' },
    ]);
  });

  it('works in English and clips long sentences', () => {
    const long = `My parcel never arrived and ${'really '.repeat(60)}I want a refund now!`;
    const lines = summarizeTurns([c('hi'), c(long)], { maxChars: 50 });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.text).toHaveLength(50);
    expect(lines[0]!.text.endsWith('…')).toBe(true);
  });

  it('looks only at the last turns and never throws on empty, emoji-only or HTML input', () => {
    expect(summarizeTurns([])).toEqual([]);
    expect(summarizeTurns([c('😀😀😀')])).toEqual([]);
    const lines = summarizeTurns([c('<b>退款</b>什么时候到账？<script>x</script>')]);
    expect(lines[0]!.text).not.toContain('<');
    const old = summarizeTurns([c('很久以前的问题：发票抬头写错了'), ...Array.from({ length: 12 }, () => c('在吗'))], { lastTurns: 10 });
    expect(old.map((l) => l.text).join()).not.toContain('发票');
  });
});
