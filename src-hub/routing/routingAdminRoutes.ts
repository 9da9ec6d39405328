import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Result } from '../../src-shared/result.js';
import { bearerMatches } from '../http/adminSecret.js';
import { readJsonBody, sendError, sendJson } from '../http/json.js';
import type { RoutingConfig } from './routingConfig.js';

export const ROUTING_PATH = /^\/admin\/routing\/([A-Za-z0-9_-]{1,64})$/;

const STATUS_OF_CODE: Record<string, number> = { 'not-found': 404, validation: 400 };

export interface RoutingAdmin {
  getConfig(accountId: string): Promise<Result<RoutingConfig>>;
  setConfig(accountId: string, raw: unknown): Promise<Result<RoutingConfig>>;
  /** How many people are online now and serve this queue (0: whatever lands there waits for nobody in particular). */
  servingNow(accountId: string, queue: string): number;
}

/**
 * GET and PUT /admin/routing/<accountId>: an account's queues, auto-assignment and
 * SLA times, behind the admin bearer secret. Returns false for other paths.
 */
export async function handleRoutingAdminRequest(req: IncomingMessage, res: ServerResponse, deps: { routing: RoutingAdmin; adminSecret: string }): Promise<boolean> {
  const match = ROUTING_PATH.exec(new URL(req.url ?? '/', 'http://hub').pathname);
  if (!match) return false;
  if (!bearerMatches(req.headers.authorization, deps.adminSecret)) {
    sendError(res, 401, 'unauthorized', 'missing or wrong admin bearer secret');
    return true;
  }
  const accountId = match[1]!;
  let result: Result<RoutingConfig>;
  if (req.method === 'GET') result = await deps.routing.getConfig(accountId);
  else if (req.method === 'PUT') result = await deps.routing.setConfig(accountId, await readJsonBody(req));
  else {
    sendError(res, 405, 'unknown-call', 'routing config is GET or PUT');
    return true;
  }
  if (result.ok) sendJson(res, 200, { ok: true, config: result.value });
  else sendError(res, STATUS_OF_CODE[result.error.code] ?? 500, result.error.code, result.error.message);
  return true;
}
