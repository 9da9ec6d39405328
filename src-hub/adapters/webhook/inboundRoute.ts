import type { IncomingMessage } from 'node:http';
import { describeZodError } from '../../../src-shared/result.js';
import type { HubContext } from '../../context.js';
import { findAccountWithWebhook } from '../../store/webhookAccounts.js';
import { InboundMessage } from './inboundMessage.js';
import { ingestWebhookMessage } from './ingestWebhookMessage.js';
import { readRawBody } from './readRawBody.js';
import { failure, type Reply } from './reply.js';
import { verifySignature } from './signature.js';
import type { RateLimiter } from '../../limits/tokenBucket.js';
import { PLATFORM_CHANNELS } from './webhookOptions.js';

export interface InboundDeps {
  ctx: HubContext;
  limiter: RateLimiter;
  maxBodyBytes: number;
}

export const INBOUND_PATH = /^\/webhook\/([A-Za-z0-9_-]{1,64})\/messages$/;

/**
 * POST /webhook/<accountId>/messages. Checks, in order: the account (404), the
 * body size (413), timestamp and signature (401), the account's rate (429, only
 * signed requests spend tokens, so a stranger cannot drain a shop's bucket), the
 * body (400 naming the field), then a replayed eventId (409 with the first result).
 */
export async function answerInbound(req: IncomingMessage, accountId: string, deps: InboundDeps): Promise<Reply> {
  const { ctx } = deps;
  const found = await findAccountWithWebhook(ctx.db, accountId);
  // One answer for "no such account", "not a platform account" and "no secret yet": nothing to probe.
  if (!found || !PLATFORM_CHANNELS.has(found.account.channel)) return failure(404, 'not-found', `no webhook account ${accountId}`);
  const { account, settings } = found;

  const raw = await readRawBody(req, deps.maxBodyBytes);
  if (raw === null) return failure(413, 'too-large', `the body exceeds ${deps.maxBodyBytes} bytes`, {}, { connection: 'close' });
  const header = (name: string) => [req.headers[name]].flat()[0];
  const check = verifySignature({ secret: settings.secret, timestamp: header('x-timestamp'), signature: header('x-signature'), rawBody: raw, now: ctx.now() });
  if (!check.ok) {
    ctx.log(`webhook ${account.id}: refused (${check.reason})`);
    return failure(401, 'unauthorized', check.reason);
  }
  const take = deps.limiter.take(account.id);
  if (!take.ok) {
    return failure(429, 'rate-limited', `too many messages for ${account.id}; retry later`, {}, { 'retry-after': String(Math.max(1, Math.ceil(take.retryAfterMs / 1000))) });
  }
  const json = parseJson(raw);
  if (json === undefined) return failure(400, 'validation', '(body): not valid JSON');
  const input = InboundMessage.safeParse(json);
  if (!input.success) return failure(400, 'validation', describeZodError(input.error));

  const { duplicate, ...result } = await ingestWebhookMessage(ctx, account, input.data);
  if (!duplicate) return { status: 202, body: { ok: true, ...result } };
  ctx.log(`webhook ${account.id}: event ${input.data.eventId} replayed; ignored`);
  return failure(409, 'conflict', `event ${input.data.eventId} was already received`, result);
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}
