import { KbArticle } from '../../src-shared/domain/queue.js';
import type { Queryable } from './database.js';

/**
 * Every `kb.changed` event of every account, oldest first: the KB's store is the
 * event log, so whoever needs the articles (the bot at start) folds these.
 */
export async function readKbChanges(db: Queryable): Promise<Array<{ accountId: string; article: KbArticle }>> {
  const result = await db.query<{ account_id: string; data: unknown }>(
    `SELECT account_id, data FROM events WHERE type = 'kb.changed' ORDER BY account_id, seq`,
  );
  return result.rows.flatMap((row) => {
    // Events were checked when appended; one that no longer parses is skipped, not fatal to the hub's start.
    const article = KbArticle.safeParse(row.data);
    return article.success ? [{ accountId: row.account_id, article: article.data }] : [];
  });
}
