import type { ServerResponse } from 'node:http';
import { sendJson } from '../../http/json.js';

/** An HTTP answer as a value: the handlers decide, one place writes. */
export interface Reply {
  status: number;
  body: object;
  headers?: Record<string, string>;
}

/** Codes of the webhook API (docs/webhook-openapi.yaml lists them). */
export type WebhookErrorCode = 'validation' | 'too-large' | 'unauthorized' | 'not-found' | 'conflict' | 'rate-limited' | 'unknown-call' | 'internal';

export const failure = (status: number, code: WebhookErrorCode, message: string, extra: object = {}, headers?: Record<string, string>): Reply => ({
  status,
  body: { ok: false, error: { code, message }, ...extra },
  ...(headers ? { headers } : {}),
});

export function writeReply(res: ServerResponse, reply: Reply): void {
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  sendJson(res, reply.status, reply.body);
}
