import type { SuggestionFeedback } from '../../src-shared/hub/events.js';
import type { Queryable } from './database.js';

/** Returns false when this clientId was recorded already (the replay of a queued call). */
export async function insertSuggestionFeedback(
  db: Queryable,
  row: SuggestionFeedback & { accountId: string; byId: string; createdAt: number },
): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO suggestion_feedback (account_id, client_id, conversation_id, message_id, article_id, rank, action, vote, by_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (account_id, client_id) DO NOTHING`,
    [row.accountId, row.clientId, row.conversationId, row.messageId, row.articleId, row.rank, row.action, row.vote, row.byId, row.createdAt],
  );
  return (result.affectedRows ?? 0) === 1;
}

/** Whether the account's KB ever had this article: its store is the event log's `kb.changed`. */
export async function kbArticleExists(db: Queryable, accountId: string, articleId: string): Promise<boolean> {
  const result = await db.query(`SELECT 1 FROM events WHERE account_id = $1 AND type = 'kb.changed' AND data->>'id' = $2 LIMIT 1`, [
    accountId,
    articleId,
  ]);
  return result.rows.length > 0;
}
