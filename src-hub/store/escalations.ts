import type { Queryable } from './database.js';

/** An escalation a workstation sent with a clientId: the replay of one queued offline finds it here. */
export interface EscalationRecord {
  accountId: string;
  clientId: string;
  conversationId: string;
  target: string;
  queue: string;
  byId: string;
  createdAt: number;
}

export async function insertEscalation(db: Queryable, record: EscalationRecord): Promise<void> {
  await db.query(
    `INSERT INTO escalations (account_id, client_id, conversation_id, target, queue, by_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [record.accountId, record.clientId, record.conversationId, record.target, record.queue, record.byId, record.createdAt],
  );
}

export async function findEscalation(db: Queryable, accountId: string, clientId: string): Promise<EscalationRecord | null> {
  const result = await db.query<{ conversation_id: string; target: string; queue: string; by_id: string; created_at: number }>(
    'SELECT conversation_id, target, queue, by_id, created_at FROM escalations WHERE account_id = $1 AND client_id = $2',
    [accountId, clientId],
  );
  const row = result.rows[0];
  if (!row) return null;
  return {
    accountId,
    clientId,
    conversationId: row.conversation_id,
    target: row.target,
    queue: row.queue,
    byId: row.by_id,
    createdAt: Number(row.created_at),
  };
}
