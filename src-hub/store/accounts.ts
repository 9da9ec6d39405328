import type { HubAccount } from '../../src-shared/domain/account.js';
import type { Queryable } from './database.js';

interface AccountRow {
  id: string;
  name: string;
  channel: HubAccount['channel'];
}

const toAccount = (row: AccountRow): HubAccount => ({ id: row.id, name: row.name, channel: row.channel });

/** Returns false when the id is already taken. */
export async function insertAccount(db: Queryable, account: HubAccount, now: number): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO accounts (id, name, channel, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`,
    [account.id, account.name, account.channel, now],
  );
  return (result.affectedRows ?? 0) === 1;
}

export async function findAccount(db: Queryable, id: string): Promise<HubAccount | null> {
  const result = await db.query<AccountRow>('SELECT id, name, channel FROM accounts WHERE id = $1', [id]);
  const row = result.rows[0];
  return row ? toAccount(row) : null;
}

export async function listAccounts(db: Queryable): Promise<HubAccount[]> {
  const result = await db.query<AccountRow>('SELECT id, name, channel FROM accounts ORDER BY created_at, id');
  return result.rows.map(toAccount);
}
