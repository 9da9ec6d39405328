import type { IncomingMessage } from 'node:http';
import type { HubAccount } from '../../../src-shared/domain/account.js';
import { describeZodError } from '../../../src-shared/result.js';
import type { HubContext } from '../../context.js';
import type { RateLimiter } from '../../limits/tokenBucket.js';
import { InboundMessage } from './inboundMessage.js';
import type { InboundQueue } from './inboundQueue.js';
import type { IngestOutcome } from './ingestWebhookMessage.js';
import { readRawBody } from './readRawBody.js';
import { failure, type Reply } from './reply.js';
import { verifySignature } from './signature.js';
import { StaleSecretError, type WebhookAccountCache } from './webhookAccountCache.js';
import { PLATFORM_CHANNELS } from './webhookOptions.js';

export interface InboundDeps {
  ctx: HubContext;
  limiter: RateLimiter;
  queue: InboundQueue;
  accounts: WebhookAccountCache;
  maxBodyBytes: number;
  maxBatchBodyBytes: number;
}

/** `/webhook/<accountId>/messages` and `/webhook/<accountId>/messages/batch`. */
export const INBOUND_PATH = /^\/webhook\/([A-Za-z0-9_-]{1,64})\/messages(\/batch)?$/;

/**
 * What both inbound routes check first, in order: the account (404), the body
 * size (413), timestamp and signature (401), then that the body is JSON (400).
 */
export async function readSignedJson(
  req: IncomingMessage,
  accountId: string,
  deps: InboundDeps,
  maxBytes: number,
): Promise<Reply | { account: HubAccount; json: unknown; secret: string }> {
  const { ctx } = deps;
  let found = await deps.accounts.find(accountId);
  // One answer for "no such account", "not a platform account" and "no secret yet": nothing to probe.
  if (!found || !PLATFORM_CHANNELS.has(found.account.channel)) return failure(404, 'not-found', `no webhook account ${accountId}`);

  const raw = await readRawBody(req, maxBytes);
  if (raw === null) return failure(413, 'too-large', `the body exceeds ${maxBytes} bytes`, {}, { connection: 'close' });
  const header = (name: string) => [req.headers[name]].flat()[0];
  const verify = (secret: string) => verifySignature({ secret, timestamp: header('x-timestamp'), signature: header('x-signature'), rawBody: raw, now: ctx.now() });
  let check = verify(found.settings.secret);
  // A kept secret may have been rotated since: the store has the last word.
  if (!check.ok && !found.fresh) {
    found = await deps.accounts.refresh(accountId);
    if (!found) return failure(404, 'not-found', `no webhook account ${accountId}`);
    check = verify(found.settings.secret);
  }
  const { account, settings } = found;
  if (!check.ok) {
    ctx.log(`webhook ${account.id}: refused (${check.reason})`);
    return failure(401, 'unauthorized', check.reason);
  }
  try {
    return { account, json: JSON.parse(raw.toString('utf8')), secret: settings.secret };
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

/**
 * Stores one message and answers as a single request would: 202 once committed,
 * 409 for a replayed eventId (with what it became the first time), 401 if the
 * secret it was signed with was rotated before it could be stored.
 */
export async function storeMessage(deps: InboundDeps, account: HubAccount, input: InboundMessage, secret: string): Promise<Reply> {
  let outcome: IngestOutcome;
  try {
    outcome = await deps.queue.ingest(account, input, secret);
  } catch (error) {
    if (!(error instanceof StaleSecretError)) throw error;
    await deps.accounts.refresh(account.id);
    return failure(401, 'unauthorized', error.message);
  }
  const { duplicate, ...result } = outcome;
  if (!duplicate) return { status: 202, body: { ok: true, ...result } };
  deps.ctx.log(`webhook ${account.id}: event ${input.eventId} replayed; ignored`);
  return failure(409, 'conflict', `event ${input.eventId} was already received`, result);
}

/**
 * POST /webhook/<accountId>/messages: the checks above, the account's rate (429),
 * the body (400 naming the field), then 202 once stored or 409 for a replayed eventId.
 */
export async function answerInbound(req: IncomingMessage, accountId: string, deps: InboundDeps): Promise<Reply> {
  const signed = await readSignedJson(req, accountId, deps, deps.maxBodyBytes);
  if ('status' in signed) return signed;
  const { account, json, secret } = signed;
  const limited = takeRate(deps, account, 1);
  if (limited) return limited;
  const input = InboundMessage.safeParse(json);
  if (!input.success) return failure(400, 'validation', describeZodError(input.error));
  return storeMessage(deps, account, input.data, secret);
}
