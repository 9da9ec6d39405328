import type { IncomingMessage, ServerResponse } from 'node:http';
import { Id } from '../../src-shared/domain/ids.js';
import { describeZodError, type Result } from '../../src-shared/result.js';
import { CreateAccountInput, IssueTokenInput, type AdminService } from '../admin/adminService.js';
import { bearerMatches } from './adminSecret.js';
import { readJsonBody, sendError, sendJson } from './json.js';

const STATUS_OF_CODE: Record<string, number> = { 'duplicate-account': 409, 'not-found': 404, validation: 400 };

/**
 * The admin API the CLI uses while the hub runs:
 * GET and POST /admin/accounts, POST /admin/tokens, POST /admin/tokens/<id>/revoke,
 * GET /admin/audit?accountId=<id> (the account's audit log, newest first).
 * Returns false when the path is not an admin path.
 */
export async function handleAdminRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { admin: AdminService; adminSecret: string; onTokenRevoked: (tokenId: string) => void },
): Promise<boolean> {
  const path = new URL(req.url ?? '/', 'http://hub').pathname;
  if (!path.startsWith('/admin/')) return false;
  if (!bearerMatches(req.headers.authorization, deps.adminSecret)) {
    sendError(res, 401, 'unauthorized', 'missing or wrong admin bearer secret');
    return true;
  }
  if (req.method === 'GET' && path === '/admin/accounts') {
    sendJson(res, 200, { ok: true, accounts: await deps.admin.listAccounts() });
    return true;
  }
  if (req.method === 'GET' && path === '/admin/audit') {
    const accountId = Id.safeParse(new URL(req.url ?? '/', 'http://hub').searchParams.get('accountId'));
    if (!accountId.success) sendError(res, 400, 'validation', `accountId: ${describeZodError(accountId.error)}`);
    else reply(res, 200, await deps.admin.listAudit(accountId.data), (entries) => ({ entries }));
    return true;
  }
  if (req.method !== 'POST') {
    sendError(res, 405, 'unknown-call', 'admin calls are POST (except GET /admin/accounts and /admin/audit)');
    return true;
  }
  const body = await readJsonBody(req);
  const revoke = /^\/admin\/tokens\/([A-Za-z0-9_-]{1,64})\/revoke$/.exec(path);

  if (path === '/admin/accounts') {
    const input = CreateAccountInput.safeParse(body);
    if (!input.success) sendError(res, 400, 'validation', describeZodError(input.error));
    else reply(res, 201, await deps.admin.createAccount(input.data), (account) => ({ account }));
  } else if (path === '/admin/tokens') {
    const input = IssueTokenInput.safeParse(body);
    if (!input.success) sendError(res, 400, 'validation', describeZodError(input.error));
    else reply(res, 201, await deps.admin.issueToken(input.data), (issued) => issued);
  } else if (revoke) {
    const result = await deps.admin.revokeToken(revoke[1]!);
    if (result.ok) deps.onTokenRevoked(revoke[1]!);
    reply(res, 200, result, () => ({}));
  } else {
    sendError(res, 404, 'unknown-call', `no admin call ${path}`);
  }
  return true;
}

function reply<T>(res: ServerResponse, status: number, result: Result<T>, body: (value: T) => object): void {
  if (result.ok) sendJson(res, status, { ok: true, ...body(result.value) });
  else sendError(res, STATUS_OF_CODE[result.error.code] ?? 500, result.error.code, result.error.message);
}
