import type { Conversation } from '../../src-shared/domain/conversation.js';
import type { Queryable } from './database.js';

/** The conversations projection: the latest state, rebuilt from events if ever needed. */
export const saveConversation = (db: Queryable, conversation: Conversation): Promise<void> => saveConversations(db, [conversation]);

/** Several conversations in one statement (as one JSON array: one SQL text for any count); each id at most once. */
export async function saveConversations(db: Queryable, conversations: readonly Conversation[]): Promise<void> {
  if (conversations.length === 0) return;
  await db.query(
    `INSERT INTO conversations (account_id, id, customer_id, status, doc)
     SELECT c->>'accountId', c->>'id', c->'customer'->>'id', c->>'status', c FROM jsonb_array_elements($1::jsonb) AS c
     ON CONFLICT (account_id, id) DO UPDATE SET status = EXCLUDED.status, doc = EXCLUDED.doc`,
    [JSON.stringify(conversations)],
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
