import { readFile } from 'node:fs/promises';
import type { HubAccount } from '../../src-shared/domain/account.js';
import { ErrorInfo, err, ok, type Result } from '../../src-shared/result.js';
import { createAdminService, type IssuedToken, type IssueTokenInput } from '../admin/adminService.js';
import { createWebhookAdmin, type IssuedWebhookSecret } from '../adapters/webhook/webhookAdmin.js';
import { adminSecretPath } from '../http/adminSecret.js';
import { openDatabase } from '../store/database.js';
import { readLiveLock } from './lockFile.js';

/** What the account commands need, whether the hub is running or not. */
export interface AdminPort {
  createAccount(input: HubAccount): Promise<Result<HubAccount>>;
  issueToken(input: IssueTokenInput): Promise<Result<IssuedToken>>;
  revokeToken(tokenId: string): Promise<Result<null>>;
  listAccounts(): Promise<Result<HubAccount[]>>;
  /** Makes (or rotates) a platform account's webhook secret; sets the callback URL when given. */
  issueWebhookSecret(accountId: string, callbackUrl: string | undefined): Promise<Result<IssuedWebhookSecret>>;
  close(): Promise<void>;
}

/**
 * A running hub owns its data dir (PGlite is single-process): talk to its admin API; else open the
 * store (`databaseUrl`: the shared PostgreSQL, which any number of processes may open).
 */
export async function connectAdmin(dataDir: string, databaseUrl?: string): Promise<AdminPort> {
  const lock = await readLiveLock(dataDir);
  return lock ? connectRunningHub(dataDir, lock.url) : directAdmin(databaseUrl ?? dataDir);
}

export async function connectRunningHub(dataDir: string, url: string): Promise<AdminPort> {
  return httpAdmin(url, (await readFile(adminSecretPath(dataDir), 'utf8')).trim());
}

async function directAdmin(store: string): Promise<AdminPort> {
  const db = await openDatabase(store);
  const admin = createAdminService({ db, now: Date.now });
  const webhook = createWebhookAdmin({ db, now: Date.now });
  return {
    ...admin,
    listAccounts: async () => ok(await admin.listAccounts()),
    issueWebhookSecret: (accountId, callbackUrl) => webhook.issueSecret(accountId, callbackUrl === undefined ? {} : { callbackUrl }),
    close: () => db.close(),
  };
}

function httpAdmin(url: string, secret: string): AdminPort {
  const call = async (path: string, body?: unknown): Promise<Result<Record<string, unknown>>> => {
    const response = await fetch(new URL(path, url), {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const reply = (await response.json().catch(() => null)) as { ok?: boolean; error?: unknown } | null;
    if (reply?.ok) return ok(reply as Record<string, unknown>);
    const error = ErrorInfo.safeParse(reply?.error);
    return error.success ? { ok: false, error: error.data } : err('internal', `hub answered HTTP ${response.status}`);
  };
  const map = <T>(result: Result<Record<string, unknown>>, pick: (body: Record<string, unknown>) => T): Result<T> =>
    result.ok ? ok(pick(result.value)) : result;

  return {
    createAccount: async (input) => map(await call('/admin/accounts', input), (body) => body.account as HubAccount),
    issueToken: async (input) =>
      map(await call('/admin/tokens', input), (body) => ({ tokenId: String(body.tokenId), token: String(body.token) })),
    revokeToken: async (tokenId) => map(await call(`/admin/tokens/${encodeURIComponent(tokenId)}/revoke`, {}), () => null),
    listAccounts: async () => map(await call('/admin/accounts'), (body) => body.accounts as HubAccount[]),
    issueWebhookSecret: async (accountId, callbackUrl) =>
      map(await call(`/admin/webhook/accounts/${encodeURIComponent(accountId)}/secret`, callbackUrl === undefined ? {} : { callbackUrl }), (body) => ({
        accountId: String(body.accountId),
        secret: String(body.secret),
        callbackUrl: typeof body.callbackUrl === 'string' ? body.callbackUrl : null,
      })),
    close: async () => {},
  };
}
