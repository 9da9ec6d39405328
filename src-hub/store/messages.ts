import type { Message } from '../../src-shared/domain/message.js';
import type { Queryable } from './database.js';

export const insertMessage = (db: Queryable, message: Message): Promise<void> => insertMessages(db, [message]);

/**
 * Any number of messages in one statement, given in the order they were said
 * (their `pos`). The rows travel as one JSON array, so every count is the same
 * SQL text (one prepared statement, not one per count).
 */
export async function insertMessages(db: Queryable, messages: readonly Message[]): Promise<void> {
  if (messages.length === 0) return;
  await db.query(
    `INSERT INTO messages (account_id, id, conversation_id, client_id, private, created_at, doc)
     SELECT m->>'accountId', m->>'id', m->>'conversationId', m->>'clientId', (m->>'private')::boolean, (m->>'createdAt')::bigint, m
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(m, n) ORDER BY n`,
    [JSON.stringify(messages)],
  );
}

/** The idempotency lookup for message.send and note.add. */
export async function findMessageByClientId(db: Queryable, accountId: string, clientId: string): Promise<Message | null> {
  const result = await db.query<{ doc: Message }>('SELECT doc FROM messages WHERE account_id = $1 AND client_id = $2', [accountId, clientId]);
  return result.rows[0]?.doc ?? null;
}

export async function listMessages(
  db: Queryable,
  accountId: string,
  conversationId: string,
  options: { includePrivate: boolean },
): Promise<Message[]> {
  const result = await db.query<{ doc: Message }>(
    `SELECT doc FROM messages WHERE account_id = $1 AND conversation_id = $2 AND (private = false OR $3)
     ORDER BY created_at, pos`,
    [accountId, conversationId, options.includePrivate],
  );
  return result.rows.map((row) => row.doc);
}

export async function findMessage(db: Queryable, accountId: string, id: string): Promise<Message | null> {
  const result = await db.query<{ doc: Message }>('SELECT doc FROM messages WHERE account_id = $1 AND id = $2', [accountId, id]);
  return result.rows[0]?.doc ?? null;
}

/** Keeps the stored message in step with its `message.status` events, so a later read shows the outcome. */
export async function setMessageStatus(db: Queryable, accountId: string, id: string, status: Message['status']): Promise<void> {
  await db.query(`UPDATE messages SET doc = jsonb_set(doc, '{status}', to_jsonb($3::text)) WHERE account_id = $1 AND id = $2`, [
    accountId,
    id,
    status,
  ]);
}
