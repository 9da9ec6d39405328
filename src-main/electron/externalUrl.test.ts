import { describe, expect, it } from 'vitest';
import { externalUrl } from './externalUrl.js';

describe('externalUrl', () => {
  it.each([
    ['https://example.com/help?q=1', 'https://example.com/help?q=1'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://EXAMPLE.COM/a', 'https://example.com/a'],
    ['file:///etc/passwd', null],
    ['javascript:alert(1)', null],
    ['smb://share/x', null],
    ['ms-msdt:/id', null],
    ['https://user:pw@example.com/', null],
    ['not a url', null],
    [' https://example.com', 'https://example.com/'],
  ])('%s → %s', (raw, expected) => {
    expect(externalUrl(raw)).toBe(expected);
  });
});
