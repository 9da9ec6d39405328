import type { SlaKind } from '../../src-shared/hub/events.js';
import type { Queryable } from './database.js';

export interface SlaBreachKey {
  conversationId: string;
  kind: SlaKind;
  dueAt: number;
}

export const breachKeyOf = (key: SlaBreachKey): string => `${key.conversationId}/${key.kind}/${key.dueAt}`;

/** false when this breach was recorded before: each breach is reported once, across restarts too. */
export async function insertSlaBreach(db: Queryable, accountId: string, key: SlaBreachKey): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO sla_breaches (account_id, conversation_id, kind, due_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [accountId, key.conversationId, key.kind, key.dueAt],
  );
  return (result.affectedRows ?? 0) === 1;
}

/** The breaches recorded for conversations that are still open, per account, as breach keys. */
export async function readOpenSlaBreaches(db: Queryable): Promise<Map<string, Set<string>>> {
  const result = await db.query<{ account_id: string; conversation_id: string; kind: SlaKind; due_at: number }>(
    `SELECT b.account_id, b.conversation_id, b.kind, b.due_at FROM sla_breaches b
     JOIN conversations c ON c.account_id = b.account_id AND c.id = b.conversation_id
     WHERE c.status <> 'resolved'`,
  );
  const byAccount = new Map<string, Set<string>>();
  for (const row of result.rows) {
    const keys = byAccount.get(row.account_id) ?? new Set<string>();
    keys.add(breachKeyOf({ conversationId: row.conversation_id, kind: row.kind, dueAt: Number(row.due_at) }));
    byAccount.set(row.account_id, keys);
  }
  return byAccount;
}
