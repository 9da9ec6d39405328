import { createHmac, timingSafeEqual } from 'node:crypto';

/** Requests older or newer than this are refused, so a captured request cannot be replayed later. */
export const DEFAULT_TIMESTAMP_TOLERANCE_MS = 5 * 60_000;

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">` with the account's secret; both directions use it. */
export function signPayload(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

/** The headers a signed request carries (inbound from a connector, outbound to its callback). */
export function signedHeaders(secret: string, rawBody: string, now: number): Record<string, string> {
  const timestamp = String(now);
  return { 'content-type': 'application/json', 'x-timestamp': timestamp, 'x-signature': signPayload(secret, timestamp, rawBody) };
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Checks X-Timestamp (unix ms, within the tolerance either side of now) and
 * X-Signature, in constant time. The reason names what was wrong, never the expected value.
 */
export function verifySignature(input: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
  now: number;
  toleranceMs?: number;
}): SignatureCheck {
  const { timestamp, signature } = input;
  if (!timestamp || !/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: 'missing or malformed X-Timestamp (unix milliseconds)' };
  if (Math.abs(input.now - Number(timestamp)) > (input.toleranceMs ?? DEFAULT_TIMESTAMP_TOLERANCE_MS)) {
    return { ok: false, reason: 'X-Timestamp is outside the allowed window (±5 minutes): check the clock, sign each request anew' };
  }
  if (!signature || !/^sha256=[0-9a-f]{64}$/i.test(signature)) return { ok: false, reason: 'missing or malformed X-Signature (sha256=<hex>)' };
  const expected = Buffer.from(signPayload(input.secret, timestamp, input.rawBody).slice(7), 'hex');
  const presented = Buffer.from(signature.slice(7), 'hex');
  return timingSafeEqual(expected, presented) ? { ok: true } : { ok: false, reason: 'X-Signature does not match the body' };
}
