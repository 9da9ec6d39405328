import type { Conversation } from '../../src-shared/domain/conversation.js';
import type { Queryable } from './database.js';

/** An open conversation with what its messages say about who answered when. */
export interface OpenConversationRow {
  conversation: Conversation;
  /** The customer's first public line after the last agent reply (null: answered). */
  unansweredSince: number | null;
  lastBotAt: number | null;
  agentReplied: boolean;
}

/** Every open conversation of every account with its reply times: routing's SLA clocks after a restart. */
export async function readOpenConversations(db: Queryable): Promise<OpenConversationRow[]> {
  const result = await db.query<{ doc: Conversation; last_agent: number | null; last_bot: number | null; unanswered_since: number | null }>(
    `WITH open AS (SELECT account_id, id, doc FROM conversations WHERE status <> 'resolved'),
     replies AS (
       SELECT m.account_id, m.conversation_id,
              max(m.created_at) FILTER (WHERE m.doc->'author'->>'kind' = 'agent') AS last_agent,
              max(m.created_at) FILTER (WHERE m.doc->'author'->>'kind' = 'bot') AS last_bot
       FROM messages m JOIN open o ON o.account_id = m.account_id AND o.id = m.conversation_id
       WHERE NOT m.private GROUP BY m.account_id, m.conversation_id)
     SELECT o.doc, r.last_agent, r.last_bot,
            (SELECT min(m.created_at) FROM messages m
             WHERE m.account_id = o.account_id AND m.conversation_id = o.id AND NOT m.private
               AND m.doc->'author'->>'kind' = 'customer' AND m.created_at > coalesce(r.last_agent, -1)) AS unanswered_since
     FROM open o LEFT JOIN replies r ON r.account_id = o.account_id AND r.conversation_id = o.id`,
  );
  const num = (value: number | null) => (value === null ? null : Number(value));
  return result.rows.map((row) => ({
    conversation: row.doc,
    unansweredSince: num(row.unanswered_since),
    lastBotAt: num(row.last_bot),
    agentReplied: row.last_agent !== null,
  }));
}
