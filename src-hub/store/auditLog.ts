import type { AuditEntry } from '../../src-shared/hub/events.js';
import type { Queryable } from './database.js';

interface AuditRow {
  id: string;
  action: AuditEntry['action'];
  actor_id: string;
  actor_name: string;
  conversation_id: string | null;
  detail: string;
  at: number;
}

export async function insertAuditEntry(db: Queryable, accountId: string, entry: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (account_id, id, action, actor_id, actor_name, conversation_id, detail, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [accountId, entry.id, entry.action, entry.actorId, entry.actorName, entry.conversationId, entry.detail, entry.at],
  );
}

/** Newest first, as a lead reads an audit log. */
export async function listAuditEntries(db: Queryable, accountId: string, limit: number): Promise<AuditEntry[]> {
  const result = await db.query<AuditRow>(
    `SELECT id, action, actor_id, actor_name, conversation_id, detail, at FROM audit_log
     WHERE account_id = $1 ORDER BY at DESC, id DESC LIMIT $2`,
    [accountId, limit],
  );
  return result.rows.map((row) => ({
    id: row.id,
    action: row.action,
    actorId: row.actor_id,
    actorName: row.actor_name,
    conversationId: row.conversation_id,
    detail: row.detail,
    at: Number(row.at),
  }));
}
