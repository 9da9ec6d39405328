import { describe, expect, it } from 'vitest';
import { asciiBytes, base64ToBytes, bytesToBase64 } from './base64.js';

describe('base64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('%j ↔ %j (RFC 4648 vectors)', (text, encoded) => {
    expect(bytesToBase64(asciiBytes(text))).toBe(encoded);
    expect([...base64ToBytes(encoded)]).toEqual([...asciiBytes(text)]);
  });

  it('round-trips every byte value', () => {
    const all = Uint8Array.from({ length: 256 * 3 + 1 }, (_, i) => (i * 7) & 0xff);
    expect([...base64ToBytes(bytesToBase64(all))]).toEqual([...all]);
  });

  it('refuses characters outside the alphabet', () => {
    expect(() => base64ToBytes('Zm9v!')).toThrow(/not base64/);
  });
});
