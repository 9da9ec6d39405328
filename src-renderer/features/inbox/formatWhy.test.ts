import { describe, expect, it } from 'vitest';
import { formatWhy } from './formatWhy.js';

const t = ((key: string) => `<${key}>`) as never;

describe('formatWhy', () => {
  it('shows the customer’s words and translated signals, once each', () => {
    expect(formatWhy(t, ['fell from neutral to very negative', 'risk:high', 'complaint:投诉', 'neg:还没', 'repeat', 'caps', 'exclaim', 'pos:好'])).toBe(
      '<mood.fell>、<mood.riskHigh>、“投诉”、“还没”、<mood.repeat>、<mood.shouting>',
    );
  });
});
