import { describe, expect, it } from 'vitest';
import { rollUp } from './rollUp.js';
import { scoreSentiment } from './score.js';

const conversation = (...messages: string[]) => rollUp(messages.map((m) => scoreSentiment(m)));

describe('rollUp', () => {
  it.each([
    ['calm questions', ['你好', '请问什么时候发货', '好的谢谢'], false],
    ['one mild complaint', ['请问什么时候发货', '有点慢'], false],
    ['neutral to very negative', ['请问什么时候发货', '太慢了，非常失望，垃圾'], true],
    ['positive to negative', ['东西很好看，谢谢', '可是坏了，很差'], true],
    ['a complaint word is high risk on its own', ['请问发票怎么开', '我要投诉'], true],
    ['in English', ['Hi, where is my order?', 'This is unacceptable, the worst service ever'], true],
    ['recovering after a complaint is not flagged', ['太差了，失望', '我要投诉', '好的，谢谢', '问题解决了，很满意', '谢谢'], false],
  ])('%s → flag %s', (_, messages, flag) => {
    expect(conversation(...messages).flag).toBe(flag);
  });

  it('says why, with the words that raised it', () => {
    const mood = conversation('请问什么时候发货', '太慢了！！！我要投诉');
    expect(mood.flag).toBe(true);
    expect(mood.trend).toBe('falling');
    expect(mood.why).toEqual(expect.arrayContaining(['risk:high', 'complaint:投诉', 'exclaim']));
  });

  it('is steady and unflagged for an empty conversation', () => {
    expect(rollUp([])).toEqual({ trend: 'steady', flag: false, why: [] });
  });
});
