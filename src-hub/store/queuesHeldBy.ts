import type { Conversation } from '../../src-shared/domain/conversation.js';
import type { Queryable } from './database.js';

/** The open conversations a person holds on an account (what goes back to the queues when they leave). */
export async function findConversationsHeldBy(db: Queryable, accountId: string, personId: string): Promise<Conversation[]> {
  const result = await db.query<{ doc: Conversation }>(
    `SELECT doc FROM conversations WHERE account_id = $1 AND status <> 'resolved' AND doc->>'assigneeId' = $2
     ORDER BY (doc->>'createdAt')::bigint`,
    [accountId, personId],
  );
  return result.rows.map((row) => row.doc);
}
