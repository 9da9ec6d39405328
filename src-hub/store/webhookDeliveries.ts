import type { Queryable } from './database.js';

/** `dead`: retries ran out (or the reply could not be sent at all); a lead may re-queue it. */
export type DeliveryState = 'pending' | 'delivered' | 'dead';

/** One agent reply on its way to a connector's callback. `id` is also the eventId the callback carries. */
export interface WebhookDelivery {
  id: string;
  accountId: string;
  conversationId: string;
  messageId: string;
  state: DeliveryState;
  attempts: number;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

interface Row {
  id: string;
  account_id: string;
  conversation_id: string;
  message_id: string;
  state: DeliveryState;
  attempts: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

const toDelivery = (row: Row): WebhookDelivery => ({
  id: row.id,
  accountId: row.account_id,
  conversationId: row.conversation_id,
  messageId: row.message_id,
  state: row.state,
  attempts: Number(row.attempts),
  lastError: row.last_error,
  createdAt: Number(row.created_at),
  updatedAt: Number(row.updated_at),
});

/** Returns the existing row when the message already has a delivery (a resumed run). */
export async function insertDelivery(db: Queryable, d: Pick<WebhookDelivery, 'id' | 'accountId' | 'conversationId' | 'messageId' | 'createdAt'>): Promise<WebhookDelivery> {
  await db.query(
    `INSERT INTO webhook_deliveries (id, account_id, conversation_id, message_id, state, attempts, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'pending', 0, $5, $5) ON CONFLICT (account_id, message_id) DO NOTHING`,
    [d.id, d.accountId, d.conversationId, d.messageId, d.createdAt],
  );
  return (await findDeliveryOf(db, d.accountId, d.messageId))!;
}

export async function findDeliveryOf(db: Queryable, accountId: string, messageId: string): Promise<WebhookDelivery | null> {
  const result = await db.query<Row>('SELECT * FROM webhook_deliveries WHERE account_id = $1 AND message_id = $2', [accountId, messageId]);
  return result.rows[0] ? toDelivery(result.rows[0]) : null;
}

export async function findDelivery(db: Queryable, id: string): Promise<WebhookDelivery | null> {
  const result = await db.query<Row>('SELECT * FROM webhook_deliveries WHERE id = $1', [id]);
  return result.rows[0] ? toDelivery(result.rows[0]) : null;
}

export async function setDeliveryState(
  db: Queryable,
  id: string,
  change: { state: DeliveryState; attempts: number; lastError: string | null; now: number },
): Promise<void> {
  await db.query('UPDATE webhook_deliveries SET state = $2, attempts = $3, last_error = $4, updated_at = $5 WHERE id = $1', [
    id,
    change.state,
    change.attempts,
    change.lastError,
    change.now,
  ]);
}

/** Dead letters, newest first; all accounts when `accountId` is null. */
export async function listDeadLetters(db: Queryable, accountId: string | null, limit: number): Promise<WebhookDelivery[]> {
  const result = await db.query<Row>(
    `SELECT * FROM webhook_deliveries WHERE state = 'dead' AND ($1::text IS NULL OR account_id = $1)
     ORDER BY updated_at DESC, id LIMIT $2`,
    [accountId, limit],
  );
  return result.rows.map(toDelivery);
}

/** Deliveries not yet done: a previous run's (stopped mid-retry), a dead node's, or in flight here; oldest first. */
export async function listPendingWebhookDeliveries(db: Queryable): Promise<WebhookDelivery[]> {
  const result = await db.query<Row>(`SELECT * FROM webhook_deliveries WHERE state = 'pending' ORDER BY created_at, id`);
  return result.rows.map(toDelivery);
}
