import { parseAccountToken, type HubAccount, type Person } from '../../src-shared/domain/account.js';
import { AgentHandshake, type ConnectRefusal, type EventFraming } from '../../src-shared/hub/commands.js';
import { findAccount } from '../store/accounts.js';
import type { Queryable } from '../store/database.js';
import { findToken } from '../store/tokens.js';
import { secretMatches } from './secrets.js';

export interface AgentIdentity {
  account: HubAccount;
  person: Person;
  tokenId: string;
  cursor: number;
  /** How this connection wants its events framed. */
  frames: EventFraming;
}

export type Authentication = { ok: true; identity: AgentIdentity } | { ok: false; refusal: ConnectRefusal };

const refuse = (refusal: ConnectRefusal): Authentication => ({ ok: false, refusal });

/**
 * Checks a /agent handshake. "Revoked" is only said once the secret matched, so
 * a guesser learns nothing about which token ids exist.
 */
export async function authenticateAgent(db: Queryable, auth: unknown): Promise<Authentication> {
  const handshake = AgentHandshake.safeParse(auth);
  if (!handshake.success) return refuse('auth/invalid-handshake');
  const { accountId, token, cursor, frames } = handshake.data;

  const account = await findAccount(db, accountId);
  if (!account) return refuse('auth/unknown-account');

  const parsed = parseAccountToken(token);
  if (!parsed || parsed.accountId !== accountId) return refuse('auth/invalid-token');

  const record = await findToken(db, parsed.tokenId);
  if (!record || record.accountId !== accountId || !secretMatches(parsed.secret, record.secretHash)) {
    return refuse('auth/invalid-token');
  }
  if (record.revokedAt !== null) return refuse('auth/revoked-token');

  const person: Person = { id: record.personId, name: record.personName, role: record.role };
  return { ok: true, identity: { account, person, tokenId: record.id, cursor, frames } };
}
