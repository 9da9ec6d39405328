import type { Conversation } from '../../src-shared/domain/conversation.js';
import type { Queryable } from './database.js';

/** The conversations projection: the latest state, rebuilt from events if ever needed. */
export async function saveConversation(db: Queryable, conversation: Conversation): Promise<void> {
  await db.query(
    `INSERT INTO conversations (account_id, id, customer_id, status, doc) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (account_id, id) DO UPDATE SET status = EXCLUDED.status, doc = EXCLUDED.doc`,
    [conversation.accountId, conversation.id, conversation.customer.id, conversation.status, conversation],
  );
}

export async function findConversation(db: Queryable, accountId: string, id: string): Promise<Conversation | null> {
  const result = await db.query<{ doc: Conversation }>('SELECT doc FROM conversations WHERE account_id = $1 AND id = $2', [accountId, id]);
  return result.rows[0]?.doc ?? null;
}

/** The customer's most recent conversation, resolved or not. */
export async function findLatestConversationOf(db: Queryable, accountId: string, customerId: string): Promise<Conversation | null> {
  const result = await db.query<{ doc: Conversation }>(
    `SELECT doc FROM conversations WHERE account_id = $1 AND customer_id = $2
     ORDER BY (doc->>'createdAt')::bigint DESC LIMIT 1`,
    [accountId, customerId],
  );
  return result.rows[0]?.doc ?? null;
}
