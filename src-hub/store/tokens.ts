import type { Role } from '../../src-shared/domain/account.js';
import type { Queryable } from './database.js';

export interface TokenRecord {
  id: string;
  accountId: string;
  personId: string;
  personName: string;
  role: Role;
  secretHash: Uint8Array;
  createdAt: number;
  revokedAt: number | null;
}

interface TokenRow {
  id: string;
  account_id: string;
  person_id: string;
  person_name: string;
  role: Role;
  secret_hash: Uint8Array;
  created_at: number;
  revoked_at: number | null;
}

export async function insertToken(db: Queryable, token: TokenRecord): Promise<void> {
  await db.query(
    `INSERT INTO tokens (id, account_id, person_id, person_name, role, secret_hash, created_at, revoked_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [token.id, token.accountId, token.personId, token.personName, token.role, token.secretHash, token.createdAt, token.revokedAt],
  );
}

export async function findToken(db: Queryable, id: string): Promise<TokenRecord | null> {
  const result = await db.query<TokenRow>('SELECT * FROM tokens WHERE id = $1', [id]);
  const row = result.rows[0];
  if (!row) return null;
  return {
    id: row.id,
    accountId: row.account_id,
    personId: row.person_id,
    personName: row.person_name,
    role: row.role,
    secretHash: row.secret_hash,
    createdAt: Number(row.created_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}

/** Returns false when no such token exists; revoking twice keeps the first time. */
export async function markTokenRevoked(db: Queryable, id: string, now: number): Promise<boolean> {
  const result = await db.query('UPDATE tokens SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1', [id, now]);
  return (result.affectedRows ?? 0) === 1;
}
