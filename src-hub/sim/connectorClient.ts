import { signPayload } from '../adapters/webhook/signature.js';

export interface HubAnswer {
  status: number;
  body: any;
  retryAfter: string | null;
}

/** Test and demo knobs: sign at another time, send a forged signature, or send bytes other than JSON.stringify(body). */
export interface PostOptions {
  timestamp?: number;
  signature?: string | null;
  rawBody?: string;
}

/**
 * What a connector does for each customer message: POST the JSON to
 * /webhook/<accountId>/messages with X-Timestamp (unix ms) and
 * X-Signature = sha256=hex(HMAC-SHA256(secret, "<timestamp>.<raw body>")).
 */
export async function postSignedMessage(hubUrl: string, accountId: string, secret: string, body: unknown, options: PostOptions = {}): Promise<HubAnswer> {
  const raw = options.rawBody ?? JSON.stringify(body);
  const timestamp = String(options.timestamp ?? Date.now());
  const signature = options.signature === undefined ? signPayload(secret, timestamp, raw) : options.signature;
  const response = await fetch(`${hubUrl}/webhook/${encodeURIComponent(accountId)}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-timestamp': timestamp, ...(signature === null ? {} : { 'x-signature': signature }) },
    body: raw,
  });
  return { status: response.status, body: await response.json().catch(() => null), retryAfter: response.headers.get('retry-after') };
}
