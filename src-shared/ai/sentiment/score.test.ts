import { describe, expect, it } from 'vitest';
import { scoreSentiment } from './score.js';

describe('scoreSentiment: labels', () => {
  it.each([
    // zh-CN
    ['不满意', 'negative'],
    ['没问题', 'positive'],
    ['这个沙发质量很好，很满意', 'positive'],
    ['快递太慢了，等了很久', 'negative'],
    ['好慢啊', 'negative'],
    ['不是很好', 'negative'],
    ['还不错', 'positive'],
    ['不好意思，请问什么时候发货', 'neutral'],
    ['请问发票怎么开', 'neutral'],
    ['颜色很好看，但是质量太差了', 'negative'],
    // zh-TW
    ['服務態度很差', 'negative'],
    ['東西很漂亮，謝謝', 'positive'],
    ['請問發票怎麼開', 'neutral'],
    // en
    ['I am very happy with the table, thanks!', 'positive'],
    ['This is the worst service ever', 'negative'],
    ['The delivery was not good', 'negative'],
    ['Where is my parcel?', 'neutral'],
    // emoji
    ['😡😡', 'negative'],
    ['👍', 'positive'],
  ])('%s → %s', (text, label) => {
    expect(scoreSentiment(text).label).toBe(label);
  });

  it.each([['not bad'], ['没问题'], ['没关系'], ['不客气']])('%s is not negative', (text) => {
    expect(scoreSentiment(text).label).not.toBe('negative');
  });

  it('intensifiers and shouting make it stronger', () => {
    expect(scoreSentiment('非常差').score).toBeLessThan(scoreSentiment('差').score);
    expect(scoreSentiment('BAD SERVICE, VERY BAD').score).toBeLessThan(scoreSentiment('bad service, very bad').score);
  });

  it.each([[''], ['😀'], ['<script>x</script>'], ['差'.repeat(50_000)], ['\uD800']])('never throws, stays in range: %j', (text) => {
    const s = scoreSentiment(text);
    expect(s.score).toBeGreaterThanOrEqual(-1);
    expect(s.score).toBeLessThanOrEqual(1);
    expect(s.confidence).toBeGreaterThanOrEqual(0);
    expect(s.confidence).toBeLessThanOrEqual(1);
  });

  it('is more confident with more agreeing evidence', () => {
    expect(scoreSentiment('太差了，失望，垃圾').confidence).toBeGreaterThan(scoreSentiment('请问发票怎么开').confidence);
  });
});

describe('scoreSentiment: risk', () => {
  it.each([
    ['我要投诉', 'high', 'complaint:投诉'],
    ['再不处理我就打12315', 'high', 'complaint:12315'],
    ['我要給差評', 'high', 'complaint:差评'],
    ['I will file a chargeback', 'high', 'complaint:chargeback'],
    ['转人工', 'medium', 'human:转人工'],
    ['I want to speak to someone', 'medium', 'human:speak to someone'],
    ['服務態度很差，我要找真人', 'high', 'human:找真人'],
    ['THIS IS RIDICULOUS I WANT A REFUND', 'high', 'caps'],
    ['怎么还没发货！！！', 'medium', 'exclaim'],
    ['怎么退款', 'low', 'complaint:退款'],
    ['请问什么时候发货', 'low', undefined],
  ])('%s → %s', (text, risk, signal) => {
    const s = scoreSentiment(text);
    expect(s.risk).toBe(risk);
    if (signal) expect(s.signals).toContain(signal);
  });

  it('notices a question asked again', () => {
    const previous = ['我的快递到哪了，三天没更新了'];
    expect(scoreSentiment('我的快递到哪了？三天没更新了', { previous }).signals).toContain('repeat');
    expect(scoreSentiment('发票怎么开', { previous }).signals).not.toContain('repeat');
    expect(scoreSentiment('好的', { previous: ['好的'] }).signals).not.toContain('repeat');
  });
});
