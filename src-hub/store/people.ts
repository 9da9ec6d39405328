import type { Person } from '../../src-shared/domain/account.js';
import type { Queryable } from './database.js';

/**
 * A person of an account as their newest live token names them: the hub knows
 * people only through the tokens it issued. null when they have none left.
 */
export async function findPerson(db: Queryable, accountId: string, personId: string): Promise<Person | null> {
  const result = await db.query<{ person_id: string; person_name: string; role: Person['role'] }>(
    `SELECT person_id, person_name, role FROM tokens
     WHERE account_id = $1 AND person_id = $2 AND revoked_at IS NULL
     ORDER BY created_at DESC LIMIT 1`,
    [accountId, personId],
  );
  const row = result.rows[0];
  return row ? { id: row.person_id, name: row.person_name, role: row.role } : null;
}
