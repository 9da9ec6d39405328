import type { HubAccount } from '../../../src-shared/domain/account.js';
import type { Queryable } from '../../store/database.js';
import { findAccount } from '../../store/accounts.js';
import type { EmailOptions } from './emailOptions.js';

/**
 * The email account a recipient address names: a configured address
 * (case-insensitive), else `<accountId>@<any domain>`. Only accounts of channel
 * `email` receive mail; anything else is an unknown recipient.
 */
export async function accountForRecipient(
  db: Queryable,
  options: Pick<EmailOptions, 'addresses'>,
  address: string,
): Promise<HubAccount | null> {
  const wanted = address.trim().toLowerCase();
  const configured = Object.entries(options.addresses ?? {}).find(([, own]) => own.toLowerCase() === wanted);
  const at = wanted.lastIndexOf('@');
  const accountId = configured?.[0] ?? (at > 0 ? address.trim().slice(0, at) : null);
  if (!accountId || !/^[A-Za-z0-9_-]{1,64}$/.test(accountId)) return null;
  const account = await findAccount(db, accountId);
  return account?.channel === 'email' ? account : null;
}
