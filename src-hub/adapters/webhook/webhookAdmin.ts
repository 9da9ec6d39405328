import { z } from 'zod';
import { MAX_DEAD_LETTERS } from '../../../src-shared/hub/commands.js';
import { describeZodError, err, ok, type Result } from '../../../src-shared/result.js';
import { newSecret } from '../../auth/secrets.js';
import { findAccount } from '../../store/accounts.js';
import type { Queryable } from '../../store/database.js';
import { findMessage } from '../../store/messages.js';
import { saveWebhookSecret, setCallbackUrl } from '../../store/webhookAccounts.js';
import { findDelivery, listDeadLetters, setDeliveryState, type WebhookDelivery } from '../../store/webhookDeliveries.js';
import { PLATFORM_CHANNELS } from './webhookOptions.js';

export const CallbackUrl = z
  .string()
  .max(2000)
  .url()
  .refine((url) => /^https?:\/\//i.test(url), 'expected an http or https URL');
export const SecretInput = z.object({ callbackUrl: CallbackUrl.nullable().optional() });
export const CallbackInput = z.object({ callbackUrl: CallbackUrl.nullable() });

export interface IssuedWebhookSecret {
  accountId: string;
  /** Shown this once; the hub keeps it to verify and sign, never prints it. */
  secret: string;
  callbackUrl: string | null;
}

/** A reply that could not be delivered, as a lead sees it. */
export interface DeadLetter {
  id: string;
  accountId: string;
  conversationId: string;
  messageId: string;
  text: string | null;
  attempts: number;
  lastError: string | null;
  failedAt: number;
}

/**
 * Marks a dead letter pending again (`conflict` when it is not dead); the caller
 * hands it to the running worker (or the next start resumes it). `q` may be a
 * journal transaction, so a lead's retry and its audit line land together.
 */
export async function requeueDeadLetter(q: Queryable, id: string, at: number): Promise<Result<WebhookDelivery>> {
  const delivery = await findDelivery(q, id);
  if (!delivery) return err('not-found', `no delivery ${id}`);
  if (delivery.state !== 'dead') return err('conflict', `delivery ${id} is ${delivery.state}, not a dead letter`);
  await setDeliveryState(q, id, { state: 'pending', attempts: 0, lastError: null, now: at });
  return ok({ ...delivery, state: 'pending', attempts: 0, lastError: null });
}

/** Webhook administration, shared by the admin HTTP API, the programmatic API and the CLI. */
export function createWebhookAdmin(deps: { db: Queryable; now: () => number }) {
  const { db, now } = deps;
  const platformAccount = async (accountId: string): Promise<Result<null>> => {
    const account = await findAccount(db, accountId);
    if (!account) return err('not-found', `no account ${accountId}`);
    return PLATFORM_CHANNELS.has(account.channel) ? ok(null) : err('validation', `account ${accountId} is a ${account.channel} account, not a platform one`);
  };
  return {
    /** Makes (or rotates) the account's secret; the callback URL changes only when given. */
    async issueSecret(accountId: string, raw: unknown = {}): Promise<Result<IssuedWebhookSecret>> {
      const input = SecretInput.safeParse(raw);
      if (!input.success) return err('validation', describeZodError(input.error));
      const known = await platformAccount(accountId);
      if (!known.ok) return known;
      const saved = await saveWebhookSecret(db, { accountId, secret: newSecret(), callbackUrl: input.data.callbackUrl, now: now() });
      return ok({ accountId, secret: saved.secret, callbackUrl: saved.callbackUrl });
    },
    async setCallback(accountId: string, raw: unknown): Promise<Result<{ accountId: string; callbackUrl: string | null }>> {
      const input = CallbackInput.safeParse(raw);
      if (!input.success) return err('validation', describeZodError(input.error));
      const changed = await setCallbackUrl(db, accountId, input.data.callbackUrl, now());
      return changed ? ok({ accountId, callbackUrl: input.data.callbackUrl }) : err('not-found', `account ${accountId} has no webhook secret yet`);
    },
    async listDeadLetters(accountId: string | null): Promise<DeadLetter[]> {
      const rows = await listDeadLetters(db, accountId, MAX_DEAD_LETTERS);
      return Promise.all(rows.map(async (row) => ({
        id: row.id,
        accountId: row.accountId,
        conversationId: row.conversationId,
        messageId: row.messageId,
        text: (await findMessage(db, row.accountId, row.messageId))?.text ?? null,
        attempts: row.attempts,
        lastError: row.lastError,
        failedAt: row.updatedAt,
      })));
    },
    requeue: (id: string): Promise<Result<WebhookDelivery>> => requeueDeadLetter(db, id, now()),
  };
}

export type WebhookAdmin = ReturnType<typeof createWebhookAdmin>;
