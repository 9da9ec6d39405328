import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { handleWidgetRequest } from '../adapters/webchat/widgetRoutes.js';
import { handleAttachmentRequest } from '../attachments/attachmentRoutes.js';
import type { HubContext } from '../context.js';
import { handleRoutingAdminRequest } from '../routing/routingAdminRoutes.js';
import { handleAdminRequest } from './adminRoutes.js';
import { sendError, sendJson } from './json.js';

export interface HttpDeps {
  ctx: HubContext;
  adminSecret: string;
  onTokenRevoked: (tokenId: string) => void;
  /** The platform webhook API: /webhook/… and /admin/webhook/… (false for other paths). */
  webhook?: { handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> };
}

/** Plain HTTP beside socket.io (which answers /socket.io/ itself before this runs). */
export function createHttpRouter(deps: HttpDeps): RequestListener {
  return (req, res) => {
    route(req, res, deps).catch((error: unknown) => {
      deps.ctx.log(`http ${req.method} ${req.url} failed: ${String(error)}`);
      if (!res.headersSent) sendError(res, 500, 'internal', 'the hub failed to answer');
      else res.end();
    });
  };
}

async function route(req: IncomingMessage, res: ServerResponse, deps: HttpDeps): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://hub').pathname;
  if (path === '/healthz') return sendJson(res, 200, { ok: true });
  // Browsers ask for it on every widget page; an empty answer keeps their consoles free of 404s.
  if (path === '/favicon.ico') return void res.writeHead(204).end();
  if (await handleWidgetRequest(req, res, deps.ctx)) return;
  if (await handleAttachmentRequest(req, res, deps.ctx)) return;
  if (deps.webhook && (await deps.webhook.handle(req, res))) return;
  if (deps.ctx.routing && (await handleRoutingAdminRequest(req, res, { routing: deps.ctx.routing, adminSecret: deps.adminSecret }))) return;
  if (await handleAdminRequest(req, res, { admin: deps.ctx.admin, ...deps })) return;
  sendError(res, 404, 'not-found', `nothing at ${path}`);
}
