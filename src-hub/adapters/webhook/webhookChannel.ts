import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HubContext } from '../../context.js';
import { bearerMatches } from '../../http/adminSecret.js';
import { answerWebhookAdmin } from './adminWebhookRoutes.js';
import { createFetchSender, type CallbackSender } from './callbackSender.js';
import { startWebhookDeliveryWorker } from './deliveryWorker.js';
import { answerInboundBatch } from './inboundBatchRoute.js';
import { createInboundQueue } from './inboundQueue.js';
import { answerInbound, INBOUND_PATH } from './inboundRoute.js';
import { createDeadLetterDesk, type DeadLetterDesk } from './deadLetterDesk.js';
import { failure, writeReply, type Reply } from './reply.js';
import { createRateLimiter, DEFAULT_RATE_LIMIT } from '../../limits/tokenBucket.js';
import { createWebhookAccountCache } from './webhookAccountCache.js';
import { createWebhookAdmin, type WebhookAdmin } from './webhookAdmin.js';
import { DEFAULT_CALLBACK_TIMEOUT_MS, DEFAULT_MAX_BATCH_BODY_BYTES, DEFAULT_MAX_BODY_BYTES, DEFAULT_RETRY_DELAYS_MS, type WebhookOptions } from './webhookOptions.js';

export interface WebhookChannel {
  /** Answers /webhook/… and /admin/webhook/…; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  admin: WebhookAdmin;
  /** Leads' own view and retry of their account's dead letters (hub commands). */
  deadLetters: DeadLetterDesk;
  /** Stops the delivery worker and waits for inbound messages being stored. */
  close(): Promise<void>;
}

/** The platform webhook API: signed inbound HTTP, the callback delivery worker, its admin calls. */
export function startWebhookChannel(ctx: HubContext, options: WebhookOptions, adminSecret: string, sender?: CallbackSender): WebhookChannel {
  const admin = createWebhookAdmin({ db: ctx.db, now: ctx.now });
  const worker = startWebhookDeliveryWorker(ctx, {
    sender: sender ?? createFetchSender(options.callbackTimeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS, ctx.now),
    delays: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    ...(options.sweepMs ? { sweepMs: options.sweepMs } : {}),
  });
  worker.resume().catch((error: unknown) => ctx.log(`resuming webhook deliveries failed: ${String(error)}`));
  const inbound = {
    ctx,
    limiter: createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, ctx.now),
    queue: createInboundQueue(ctx),
    accounts: createWebhookAccountCache(ctx.db),
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    maxBatchBodyBytes: options.maxBatchBodyBytes ?? DEFAULT_MAX_BATCH_BODY_BYTES,
  };

  const answer = async (req: IncomingMessage, url: URL): Promise<Reply | null> => {
    if (url.pathname.startsWith('/admin/webhook/')) {
      if (!bearerMatches(req.headers.authorization, adminSecret)) return failure(401, 'unauthorized', 'missing or wrong admin bearer secret');
      return answerWebhookAdmin(req, url, { admin, worker });
    }
    if (!url.pathname.startsWith('/webhook/')) return null;
    const match = INBOUND_PATH.exec(url.pathname);
    if (!match) return failure(404, 'not-found', `nothing at ${url.pathname}`);
    if (req.method !== 'POST') return failure(405, 'unknown-call', 'POST only');
    return match[2] ? answerInboundBatch(req, match[1]!, inbound) : answerInbound(req, match[1]!, inbound);
  };

  return {
    async handle(req, res) {
      const reply = await answer(req, new URL(req.url ?? '/', 'http://hub'));
      if (reply) writeReply(res, reply);
      return reply !== null;
    },
    admin,
    deadLetters: createDeadLetterDesk(ctx, { admin, worker }),
    close: async () => {
      await worker.stop();
      await inbound.queue.drain();
    },
  };
}
