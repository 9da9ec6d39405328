import { describe, expect, it } from 'vitest';
import { AccountToken, formatAccountToken, parseAccountToken } from './account.js';

const secret = 'A'.repeat(43);

describe('account tokens', () => {
  it.each([
    [`ws1.shop-a.tok_1.${secret}`, { accountId: 'shop-a', tokenId: 'tok_1', secret }],
    [`  ws1.shop-a.tok_1.${secret}\n`, { accountId: 'shop-a', tokenId: 'tok_1', secret }],
    [`ws2.shop-a.tok_1.${secret}`, null],
    [`ws1.shop a.tok_1.${secret}`, null],
    ['ws1.shop-a.tok_1.short', null],
    [`ws1.shop-a.${secret}`, null],
    [`ws1.shop-a.tok_1.${secret}.extra`, null],
    ['', null],
  ])('parses %j', (token, expected) => {
    expect(parseAccountToken(token)).toEqual(expected);
  });

  it('formats what it parses', () => {
    const token = `ws1.shop-a.tok_1.${secret}`;
    expect(formatAccountToken(parseAccountToken(token)!)).toBe(token);
  });

  it('explains a token that is not one', () => {
    const result = AccountToken.safeParse('hello');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/ws1/);
  });
});
