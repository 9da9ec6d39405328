import type { IncomingMessage, ServerResponse } from 'node:http';
import { AttachmentId, channelTakesImages, MAX_ATTACHMENT_BYTES, sanitizeAttachmentName } from '../../src-shared/domain/attachment.js';
import { Id } from '../../src-shared/domain/ids.js';
import { readRawBody } from '../adapters/webhook/readRawBody.js';
import type { HubContext } from '../context.js';
import { sendError, sendJson } from '../http/json.js';
import { createRateLimiter, type RateLimiter } from '../limits/tokenBucket.js';
import { readAttachmentBytes, visitorMaySee } from '../store/attachments.js';
import { findCustomerByVisitor } from '../store/customers.js';
import { identifyCaller, type AttachmentCaller } from './attachmentCaller.js';
import { toAttachment } from './resolveAttachments.js';
import { storeImage } from './storeImage.js';

/** Anonymous visitors' uploads per account (a bounded key set): a burst of 20, then one every 2 s. */
const VISITOR_UPLOADS = { perSecond: 0.5, burst: 20 };
const visitorLimiters = new WeakMap<HubContext, RateLimiter>();
const visitorLimiterOf = (ctx: HubContext): RateLimiter => {
  let limiter = visitorLimiters.get(ctx);
  if (!limiter) visitorLimiters.set(ctx, (limiter = createRateLimiter(VISITOR_UPLOADS, ctx.now)));
  return limiter;
};

const EXTENSIONS = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' } as const;

/**
 * POST /attachments/<accountId>: upload one image (raw bytes, Content-Type its type,
 * X-Attachment-Name its URI-encoded name), answered with the Attachment.
 * GET /attachments/<accountId>/<id>: the bytes, to the account's agents and to a
 * visitor whose conversation carries the image. Returns false for other paths.
 */
export async function handleAttachmentRequest(req: IncomingMessage, res: ServerResponse, ctx: HubContext): Promise<boolean> {
  const path = new URL(req.url ?? '/', 'http://hub').pathname;
  const match = /^\/attachments\/([^/]+)(?:\/([^/]+))?$/.exec(path);
  if (!match) return false;
  const [, accountId, attachmentId] = match as unknown as [string, string, string | undefined];
  const wantsUpload = req.method === 'POST' && attachmentId === undefined;
  const wantsBytes = req.method === 'GET' && attachmentId !== undefined;
  await answer(req, res, ctx, accountId, wantsUpload ? { upload: true } : wantsBytes ? { serve: attachmentId! } : null);
  return true;
}

/** `what`: an upload, an image to serve, or null for a method the path does not take. */
async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: HubContext,
  accountId: string,
  what: { upload: true } | { serve: string } | null,
): Promise<void> {
  if (what === null) return sendError(res, 405, 'validation', 'POST /attachments/<account> or GET /attachments/<account>/<id>');
  if (!Id.safeParse(accountId).success) return sendError(res, 404, 'not-found', 'no such account');
  const check = await identifyCaller(ctx, req, accountId);
  if (!check.ok) {
    req.resume();
    return sendError(res, check.status, check.status === 404 ? 'not-found' : 'unauthorized', check.message);
  }
  if ('upload' in what) return upload(ctx, req, res, accountId, check.caller);
  return serve(ctx, res, accountId, what.serve, check.caller);
}

async function upload(ctx: HubContext, req: IncomingMessage, res: ServerResponse, accountId: string, caller: AttachmentCaller): Promise<void> {
  const refusal = await uploadRefusal(ctx, accountId, caller);
  if (refusal) {
    req.resume();
    const code = refusal.status === 415 ? 'unsupported-media' : refusal.status === 429 ? 'rate-limited' : 'forbidden';
    return sendError(res, refusal.status, code, refusal.message);
  }
  const bytes = await readRawBody(req, MAX_ATTACHMENT_BYTES);
  if (!bytes) return sendError(res, 413, 'unsupported-media', `the image is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
  const stored = await storeImage(ctx.db, accountId, { bytes, claimedMime: String(req.headers['content-type'] ?? '').split(';')[0]!.trim(), at: ctx.now() });
  if (!stored.ok) return sendError(res, 415, stored.error.code, stored.error.message);
  sendJson(res, stored.value.created ? 201 : 200, { ok: true, attachment: toAttachment(stored.value, nameOf(req)) });
}

/** Text-only channels take no images; a visitor uploads only once they have written, and at a bounded rate per account. */
async function uploadRefusal(ctx: HubContext, accountId: string, caller: AttachmentCaller): Promise<{ status: 403 | 415 | 429; message: string } | null> {
  if (caller.kind === 'agent') {
    return channelTakesImages(caller.identity.account.channel) ? null : { status: 415, message: 'this channel does not take images' };
  }
  const customer = await findCustomerByVisitor(ctx.db, accountId, caller.visitorId);
  if (!customer) return { status: 403, message: 'write a message before sending an image' };
  return visitorLimiterOf(ctx).take(accountId).ok ? null : { status: 429, message: 'too many images from visitors: try again in a moment' };
}

function nameOf(req: IncomingMessage): string {
  const raw = String(req.headers['x-attachment-name'] ?? '');
  try {
    return sanitizeAttachmentName(decodeURIComponent(raw));
  } catch {
    return sanitizeAttachmentName(raw);
  }
}

async function serve(ctx: HubContext, res: ServerResponse, accountId: string, attachmentId: string, caller: AttachmentCaller): Promise<void> {
  // The same answer for "no such image" and "not yours": a visitor learns nothing about other chats.
  const notFound = () => sendError(res, 404, 'not-found', 'no such image');
  if (!AttachmentId.safeParse(attachmentId).success) return notFound();
  if (caller.kind === 'visitor' && !(await visitorMaySee(ctx.db, accountId, caller.visitorId, attachmentId))) return notFound();
  const image = await readAttachmentBytes(ctx.db, accountId, attachmentId);
  if (!image) return notFound();
  res.writeHead(200, {
    // The type the hub verified from the bytes at upload; never sniffed by the browser.
    'content-type': image.mime,
    'content-length': String(image.bytes.length),
    'x-content-type-options': 'nosniff',
    'content-disposition': `inline; filename="${attachmentId.slice(0, 16)}.${EXTENSIONS[image.mime]}"`,
    'content-security-policy': "default-src 'none'; sandbox",
    // Content-addressed, so it never changes; private: only the caller may keep it.
    'cache-control': 'private, max-age=31536000, immutable',
    'cross-origin-resource-policy': 'same-origin',
  });
  res.end(Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength));
}
