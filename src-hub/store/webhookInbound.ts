import type { Queryable } from './database.js';

/** What an accepted inbound event became: a replay of its eventId gets the same answer. */
export interface InboundOutcome {
  conversationId: string;
  messageId: string;
}

export async function findInboundEvent(db: Queryable, accountId: string, eventId: string): Promise<InboundOutcome | null> {
  const result = await db.query<{ conversation_id: string; message_id: string }>(
    'SELECT conversation_id, message_id FROM webhook_inbound WHERE account_id = $1 AND event_id = $2',
    [accountId, eventId],
  );
  const row = result.rows[0];
  return row ? { conversationId: row.conversation_id, messageId: row.message_id } : null;
}

export async function insertInboundEvent(
  db: Queryable,
  input: InboundOutcome & { accountId: string; eventId: string; sentAt: number; receivedAt: number },
): Promise<void> {
  await db.query(
    `INSERT INTO webhook_inbound (account_id, event_id, conversation_id, message_id, sent_at, received_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [input.accountId, input.eventId, input.conversationId, input.messageId, input.sentAt, input.receivedAt],
  );
}
