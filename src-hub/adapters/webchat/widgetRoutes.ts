import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Id } from '../../../src-shared/domain/ids.js';
import type { HubContext } from '../../context.js';
import { findAccount } from '../../store/accounts.js';
import { notFoundPage, widgetPage } from './widgetPage.js';

/** No inline script or style anywhere on the page: customer text can never become code. */
export const WIDGET_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; base-uri 'none'; form-action 'none'; object-src 'none'";

const STATIC_FILES: Record<string, string> = {
  'widget.js': 'text/javascript; charset=utf-8',
  'locales.js': 'text/javascript; charset=utf-8',
  'widgetImages.js': 'text/javascript; charset=utf-8',
  'widget.css': 'text/css; charset=utf-8',
};

const STATIC_DIR = new URL('./static/', import.meta.url);

/** GET /widget/<accountId> and GET /widget/static/<file>. Returns false for other paths. */
export async function handleWidgetRequest(req: IncomingMessage, res: ServerResponse, ctx: HubContext): Promise<boolean> {
  const path = new URL(req.url ?? '/', 'http://hub').pathname;
  const match = /^\/widget\/([^/]+)$/.exec(path) ?? /^\/widget\/static\/([^/]+)$/.exec(path);
  if (!match || req.method !== 'GET') return false;
  const name = decodeURIComponent(match[1]!);

  if (path.startsWith('/widget/static/')) {
    const type = STATIC_FILES[name];
    if (!type) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    return send(res, 200, type, await readFile(new URL(name, STATIC_DIR)));
  }
  const account = Id.safeParse(name).success ? await findAccount(ctx.db, name) : null;
  if (!account) return send(res, 404, 'text/html; charset=utf-8', notFoundPage);
  return send(res, 200, 'text/html; charset=utf-8', widgetPage(account.id));
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): true {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': WIDGET_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(body);
  return true;
}
