import type { IncomingMessage } from 'node:http';
import type { Result } from '../../../src-shared/result.js';
import { readJsonBody } from '../../http/json.js';
import { failure, type Reply, type WebhookErrorCode } from './reply.js';
import type { WebhookAdmin } from './webhookAdmin.js';
import type { WebhookDeliveryWorker } from './deliveryWorker.js';

const STATUS_OF_CODE: Record<string, number> = { validation: 400, 'not-found': 404, conflict: 409 };
const ID = '([A-Za-z0-9_-]{1,64})';
const SECRET = new RegExp(`^/admin/webhook/accounts/${ID}/secret$`);
const CALLBACK = new RegExp(`^/admin/webhook/accounts/${ID}/callback$`);
const RETRY = new RegExp(`^/admin/webhook/dead-letters/${ID}/retry$`);

/**
 * The webhook part of the admin API (the caller has checked the admin secret):
 * POST /admin/webhook/accounts/<id>/secret, POST /admin/webhook/accounts/<id>/callback,
 * GET /admin/webhook/dead-letters?accountId=, POST /admin/webhook/dead-letters/<id>/retry.
 */
export async function answerWebhookAdmin(req: IncomingMessage, url: URL, deps: { admin: WebhookAdmin; worker: WebhookDeliveryWorker }): Promise<Reply> {
  const path = url.pathname;
  if (req.method === 'GET' && path === '/admin/webhook/dead-letters') {
    return { status: 200, body: { ok: true, deadLetters: await deps.admin.listDeadLetters(url.searchParams.get('accountId') || null) } };
  }
  if (req.method !== 'POST') return failure(405, 'unknown-call', 'webhook admin calls are POST (except GET /admin/webhook/dead-letters)');
  const secret = SECRET.exec(path);
  const callback = CALLBACK.exec(path);
  const retry = RETRY.exec(path);
  if (secret) return reply(201, await deps.admin.issueSecret(secret[1]!, (await readJsonBody(req)) ?? {}));
  if (callback) return reply(200, await deps.admin.setCallback(callback[1]!, await readJsonBody(req)));
  if (retry) {
    const requeued = await deps.admin.requeue(retry[1]!);
    if (requeued.ok) void deps.worker.requeue(requeued.value);
    return reply(202, requeued, (d) => ({ id: d.id, state: d.state }));
  }
  return failure(404, 'not-found', `no admin call ${path}`);
}

function reply<T>(status: number, result: Result<T>, body: (value: T) => object = (value) => value as object): Reply {
  if (result.ok) return { status, body: { ok: true, ...body(result.value) } };
  return failure(STATUS_OF_CODE[result.error.code] ?? 500, result.error.code as WebhookErrorCode, result.error.message);
}
