import type { Person } from '../../src-shared/domain/account.js';
import type { PresenceStatus } from '../../src-shared/domain/queue.js';
import type { Queryable } from './database.js';

/** A person of an account (from their live tokens) with their last presence; capacity null: the account's default. */
export interface PresenceRecord {
  accountId: string;
  person: Person;
  status: PresenceStatus;
  capacity: number | null;
}

/**
 * Everyone holding a live token, per account, with their stored presence (offline
 * and default capacity when they never had one): routing's roster at start.
 */
export async function readRoster(db: Queryable): Promise<PresenceRecord[]> {
  const result = await db.query<{ account_id: string; person_id: string; person_name: string; role: Person['role']; status: PresenceStatus | null; capacity: number | null }>(
    `SELECT DISTINCT ON (t.account_id, t.person_id) t.account_id, t.person_id, t.person_name, t.role, p.status, p.capacity
     FROM tokens t LEFT JOIN agent_presence p ON p.account_id = t.account_id AND p.person_id = t.person_id
     WHERE t.revoked_at IS NULL
     ORDER BY t.account_id, t.person_id, t.created_at DESC`,
  );
  return result.rows.map((row) => ({
    accountId: row.account_id,
    person: { id: row.person_id, name: row.person_name, role: row.role },
    status: row.status ?? 'offline',
    capacity: row.capacity,
  }));
}

/** Person id → stored capacity (null: the account's default) for one account. */
export async function readCapacities(db: Queryable, accountId: string): Promise<Map<string, number | null>> {
  const result = await db.query<{ person_id: string; capacity: number | null }>('SELECT person_id, capacity FROM agent_presence WHERE account_id = $1', [accountId]);
  return new Map(result.rows.map((row) => [row.person_id, row.capacity]));
}

export async function readCapacity(db: Queryable, accountId: string, personId: string): Promise<number | null> {
  const result = await db.query<{ capacity: number | null }>('SELECT capacity FROM agent_presence WHERE account_id = $1 AND person_id = $2', [accountId, personId]);
  return result.rows[0]?.capacity ?? null;
}

/** `capacity: undefined` keeps the stored one. */
export async function savePresence(db: Queryable, input: { accountId: string; personId: string; status: PresenceStatus; capacity?: number; now: number }): Promise<void> {
  await db.query(
    `INSERT INTO agent_presence (account_id, person_id, status, capacity, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (account_id, person_id) DO UPDATE SET status = EXCLUDED.status,
       capacity = COALESCE(EXCLUDED.capacity, agent_presence.capacity), updated_at = EXCLUDED.updated_at`,
    [input.accountId, input.personId, input.status, input.capacity ?? null, input.now],
  );
}
