import { describe, expect, it } from 'vitest';
import { signPayload, verifySignature } from './signature.js';

const secret = 'shop-secret';
const body = Buffer.from('{"text":"你好"}');
const now = 1_700_000_000_000;
const good = signPayload(secret, String(now), body);

describe('verifySignature', () => {
  it('matches a hand-computed HMAC', () => {
    // printf '1.x' | openssl dgst -sha256 -hmac k
    expect(signPayload('k', '1', 'x')).toBe('sha256=976cb87e4f568d1c0f03f32859e90af8597cf00b978ba37c229c97d3a15b8449');
  });

  it.each([
    ['a valid signature', String(now), good, true],
    ['an uppercase hex signature', String(now), good.replace(/[a-f]/g, (c) => c.toUpperCase()).replace('SHA256', 'sha256'), true],
    ['4 minutes early', String(now - 4 * 60_000), signPayload(secret, String(now - 4 * 60_000), body), true],
    ['6 minutes old', String(now - 6 * 60_000), signPayload(secret, String(now - 6 * 60_000), body), false],
    ['6 minutes ahead', String(now + 6 * 60_000), signPayload(secret, String(now + 6 * 60_000), body), false],
    ['no timestamp', undefined, good, false],
    ['a timestamp in seconds text', 'yesterday', good, false],
    ['no signature', String(now), undefined, false],
    ['another secret', String(now), signPayload('other', String(now), body), false],
    ['a signature for another timestamp', String(now), signPayload(secret, String(now - 1), body), false],
    ['a truncated signature', String(now), good.slice(0, -2), false],
  ])('%s', (_, timestamp, signature, ok) => {
    expect(verifySignature({ secret, timestamp, signature, rawBody: body, now }).ok).toBe(ok);
  });

  it('a changed body fails', () => {
    expect(verifySignature({ secret, timestamp: String(now), signature: good, rawBody: Buffer.from('{"text":"你好!"}'), now }).ok).toBe(false);
  });
});
