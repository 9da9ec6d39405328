import type { HubAccount } from '../../src-shared/domain/account.js';
import type { Queryable } from './database.js';

/**
 * A platform account's webhook settings. The secret is stored as it is, not
 * hashed: verifying and signing an HMAC needs the key itself. It never goes
 * into logs or events, and the admin API shows it only when it is made.
 */
export interface WebhookAccount {
  accountId: string;
  secret: string;
  /** Where agent replies are POSTed; null: replies wait as dead letters until one is set. */
  callbackUrl: string | null;
}

interface Row {
  account_id: string;
  secret: string;
  callback_url: string | null;
}

/** A fresh secret replaces the old one; the callback URL changes only when given (undefined keeps it). */
export async function saveWebhookSecret(db: Queryable, input: { accountId: string; secret: string; callbackUrl: string | null | undefined; now: number }): Promise<WebhookAccount> {
  const result = await db.query<Row>(
    `INSERT INTO webhook_accounts (account_id, secret, callback_url, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (account_id) DO UPDATE SET secret = EXCLUDED.secret, updated_at = EXCLUDED.updated_at,
       callback_url = CASE WHEN $5 THEN EXCLUDED.callback_url ELSE webhook_accounts.callback_url END
     RETURNING account_id, secret, callback_url`,
    [input.accountId, input.secret, input.callbackUrl ?? null, input.now, input.callbackUrl !== undefined],
  );
  return toAccount(result.rows[0]!);
}

/** Returns false when the account has no webhook secret yet. */
export async function setCallbackUrl(db: Queryable, accountId: string, callbackUrl: string | null, now: number): Promise<boolean> {
  const result = await db.query('UPDATE webhook_accounts SET callback_url = $2, updated_at = $3 WHERE account_id = $1', [accountId, callbackUrl, now]);
  return (result.affectedRows ?? 0) === 1;
}

export async function findWebhookAccount(db: Queryable, accountId: string): Promise<WebhookAccount | null> {
  const result = await db.query<Row>('SELECT account_id, secret, callback_url FROM webhook_accounts WHERE account_id = $1', [accountId]);
  return result.rows[0] ? toAccount(result.rows[0]) : null;
}

/** The account and its webhook settings in one read (the inbound path's first step); null if either is missing. */
export async function findAccountWithWebhook(db: Queryable, accountId: string): Promise<{ account: HubAccount; settings: WebhookAccount } | null> {
  const result = await db.query<Row & { name: string; channel: HubAccount['channel'] }>(
    `SELECT a.name, a.channel, w.account_id, w.secret, w.callback_url
     FROM accounts a JOIN webhook_accounts w ON w.account_id = a.id WHERE a.id = $1`,
    [accountId],
  );
  const row = result.rows[0];
  return row ? { account: { id: row.account_id, name: row.name, channel: row.channel }, settings: toAccount(row) } : null;
}

const toAccount = (row: Row): WebhookAccount => ({ accountId: row.account_id, secret: row.secret, callbackUrl: row.callback_url });
