import type { IncomingMessage } from 'node:http';
import type { HubAccount } from '../../../src-shared/domain/account.js';
import { describeZodError } from '../../../src-shared/result.js';
import type { HubContext } from '../../context.js';
import type { RateLimiter } from '../../limits/tokenBucket.js';
import { findAccountWithWebhook } from '../../store/webhookAccounts.js';
import { InboundMessage } from './inboundMessage.js';
import type { InboundQueue } from './inboundQueue.js';
import type { IngestOutcome } from './ingestWebhookMessage.js';
import { readRawBody } from './readRawBody.js';
import { failure, type Reply } from './reply.js';
import { verifySignature } from './signature.js';
import { PLATFORM_CHANNELS } from './webhookOptions.js';

export interface InboundDeps {
  ctx: HubContext;
  limiter: RateLimiter;
  queue: InboundQueue;
  maxBodyBytes: number;
  maxBatchBodyBytes: number;
}

/** `/webhook/<accountId>/messages` and `/webhook/<accountId>/messages/batch`. */
export const INBOUND_PATH = /^\/webhook\/([A-Za-z0-9_-]{1,64})\/messages(\/batch)?$/;

/**
 * What both inbound routes check first, in order: the account (404), the body
 * size (413), timestamp and signature (401), then that the body is JSON (400).
 */
export async function readSignedJson(req: IncomingMessage, accountId: string, deps: InboundDeps, maxBytes: number): Promise<Reply | { account: HubAccount; json: unknown }> {
  const { ctx } = deps;
  const found = await findAccountWithWebhook(ctx.db, accountId);
  // One answer for "no such account", "not a platform account" and "no secret yet": nothing to probe.
  if (!found || !PLATFORM_CHANNELS.has(found.account.channel)) return failure(404, 'not-found', `no webhook account ${accountId}`);
  const { account, settings } = found;

  const raw = await readRawBody(req, maxBytes);
  if (raw === null) return failure(413, 'too-large', `the body exceeds ${maxBytes} bytes`, {}, { connection: 'close' });
  const header = (name: string) => [req.headers[name]].flat()[0];
  const check = verifySignature({ secret: settings.secret, timestamp: header('x-timestamp'), signature: header('x-signature'), rawBody: raw, now: ctx.now() });
  if (!check.ok) {
    ctx.log(`webhook ${account.id}: refused (${check.reason})`);
    return failure(401, 'unauthorized', check.reason);
  }
  try {
    return { account, json: JSON.parse(raw.toString('utf8')) };
  } catch {
    return failure(400, 'validation', '(body): not valid JSON');
  }
}

/** Spends `cost` of the account's tokens, or answers 429: only signed requests get here, so a stranger cannot drain a shop's bucket. */
export function takeRate(deps: InboundDeps, account: HubAccount, cost: number): Reply | null {
  const take = deps.limiter.take(account.id, cost);
  if (take.ok) return null;
  return failure(429, 'rate-limited', `too many messages for ${account.id}; retry later`, {}, { 'retry-after': String(Math.max(1, Math.ceil(take.retryAfterMs / 1000))) });
}

/** A stored message answers 202; a replayed eventId 409 with what it became the first time. */
export function outcomeReply(ctx: HubContext, account: HubAccount, eventId: string, { duplicate, ...result }: IngestOutcome): Reply {
  if (!duplicate) return { status: 202, body: { ok: true, ...result } };
  ctx.log(`webhook ${account.id}: event ${eventId} replayed; ignored`);
  return failure(409, 'conflict', `event ${eventId} was already received`, result);
}

/**
 * POST /webhook/<accountId>/messages: the checks above, the account's rate (429),
 * the body (400 naming the field), then 202 once stored or 409 for a replayed eventId.
 */
export async function answerInbound(req: IncomingMessage, accountId: string, deps: InboundDeps): Promise<Reply> {
  const signed = await readSignedJson(req, accountId, deps, deps.maxBodyBytes);
  if ('status' in signed) return signed;
  const { account, json } = signed;
  const limited = takeRate(deps, account, 1);
  if (limited) return limited;
  const input = InboundMessage.safeParse(json);
  if (!input.success) return failure(400, 'validation', describeZodError(input.error));
  return outcomeReply(deps.ctx, account, input.data.eventId, await deps.queue.ingest(account, input.data));
}
