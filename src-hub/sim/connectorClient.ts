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
export function postSignedMessage(hubUrl: string, accountId: string, secret: string, body: unknown, options: PostOptions = {}): Promise<HubAnswer> {
  return postSigned(`${hubUrl}/webhook/${encodeURIComponent(accountId)}/messages`, secret, body, options);
}

/**
 * Up to 100 messages in one signed request to /webhook/<accountId>/messages/batch:
 * the answer (200) has one result per message, in order (`body.results[i].status`: 202, 409, 400 or 500).
 */
export function postSignedBatch(hubUrl: string, accountId: string, secret: string, messages: unknown[], options: PostOptions = {}): Promise<HubAnswer> {
  return postSigned(`${hubUrl}/webhook/${encodeURIComponent(accountId)}/messages/batch`, secret, { messages }, options);
}

async function postSigned(url: string, secret: string, body: unknown, options: PostOptions): Promise<HubAnswer> {
  const raw = options.rawBody ?? JSON.stringify(body);
  const timestamp = String(options.timestamp ?? Date.now());
  const signature = options.signature === undefined ? signPayload(secret, timestamp, raw) : options.signature;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-timestamp': timestamp, ...(signature === null ? {} : { 'x-signature': signature }) },
    body: raw,
  });
  return { status: response.status, body: await response.json().catch(() => null), retryAfter: response.headers.get('retry-after') };
}
