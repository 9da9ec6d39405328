import type { HubAccount } from '../../../src-shared/domain/account.js';
import type { Queryable } from '../../store/database.js';
import { findAccountWithWebhook, findWebhookAccount, type WebhookAccount } from '../../store/webhookAccounts.js';

export interface FoundWebhookAccount {
  account: HubAccount;
  settings: WebhookAccount;
  /** Read from the store just now, not kept from an earlier request. */
  fresh: boolean;
}

/**
 * The inbound route's account and secret, kept between requests: reading them
 * was a statement (and a transaction of its own) per request, as much work as
 * storing the message itself once messages share records. Only found accounts
 * are kept. A kept secret may be stale after a rotation (on any node), so it
 * never decides alone: a signature that fails against it is checked again
 * against a fresh read, and a message verified with it is stored only if it is
 * still the account's secret in the transaction that stores it (`stillCurrent`).
 */
export interface WebhookAccountCache {
  find(accountId: string): Promise<FoundWebhookAccount | null>;
  /** Reads the store now and keeps the answer. */
  refresh(accountId: string): Promise<FoundWebhookAccount | null>;
}

export function createWebhookAccountCache(db: Queryable): WebhookAccountCache {
  const kept = new Map<string, { account: HubAccount; settings: WebhookAccount }>();
  const refresh = async (accountId: string) => {
    const found = await findAccountWithWebhook(db, accountId);
    if (found) kept.set(accountId, found);
    else kept.delete(accountId);
    return found && { ...found, fresh: true };
  };
  return {
    find: async (accountId) => {
      const known = kept.get(accountId);
      return known ? { ...known, fresh: false } : refresh(accountId);
    },
    refresh,
  };
}

/** Thrown (inside the storing transaction) when the secret a message was verified with is no longer the account's. */
export class StaleSecretError extends Error {
  constructor(accountId: string) {
    super(`the webhook secret of ${accountId} was rotated; sign with the new one`);
  }
}

export async function assertSecretCurrent(tx: Queryable, accountId: string, verifiedWith: string): Promise<void> {
  const current = await findWebhookAccount(tx, accountId);
  if (current?.secret !== verifiedWith) throw new StaleSecretError(accountId);
}
