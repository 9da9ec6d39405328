import type { Queryable } from './database.js';

export type MailDirection = 'in' | 'out';
export type MailDelivery = 'pending' | 'delivered' | 'failed';

/** One Message-ID the hub received (`in`) or sent (`out`); `mailId` is the id without its angle brackets. */
export interface ThreadEntry {
  accountId: string;
  mailId: string;
  conversationId: string;
  /** The hub message the mail carried. */
  messageId: string;
  direction: MailDirection;
  /** Outbound only. */
  delivery: MailDelivery | null;
  createdAt: number;
}

interface Row {
  account_id: string;
  mail_id: string;
  conversation_id: string;
  message_id: string;
  direction: MailDirection;
  delivery: MailDelivery | null;
  created_at: number;
}

const toEntry = (row: Row): ThreadEntry => ({
  accountId: row.account_id,
  mailId: row.mail_id,
  conversationId: row.conversation_id,
  messageId: row.message_id,
  direction: row.direction,
  delivery: row.delivery,
  createdAt: Number(row.created_at),
});

/** Returns false when the Message-ID is already known for the account (a mail delivered twice). */
export async function insertThreadEntry(db: Queryable, entry: ThreadEntry): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO email_threads (account_id, mail_id, conversation_id, message_id, direction, delivery, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (account_id, mail_id) DO NOTHING`,
    [entry.accountId, entry.mailId, entry.conversationId, entry.messageId, entry.direction, entry.delivery, entry.createdAt],
  );
  return (result.affectedRows ?? 0) === 1;
}

/** The conversation of the newest known mail among `mailIds` (a reply's In-Reply-To and References). */
export async function findThreadConversation(db: Queryable, accountId: string, mailIds: string[]): Promise<string | null> {
  if (mailIds.length === 0) return null;
  const result = await db.query<{ conversation_id: string }>(
    `SELECT conversation_id FROM email_threads WHERE account_id = $1 AND mail_id = ANY($2::text[])
     ORDER BY created_at DESC LIMIT 1`,
    [accountId, mailIds],
  );
  return result.rows[0]?.conversation_id ?? null;
}

/** Every mail of a conversation, oldest first: the References chain of the next reply. */
export async function listThread(db: Queryable, accountId: string, conversationId: string): Promise<ThreadEntry[]> {
  const result = await db.query<Row>(
    'SELECT * FROM email_threads WHERE account_id = $1 AND conversation_id = $2 ORDER BY created_at, mail_id',
    [accountId, conversationId],
  );
  return result.rows.map(toEntry);
}

/** The outbound mail that carries a hub message, if one was made. */
export async function findOutboundOf(db: Queryable, accountId: string, messageId: string): Promise<ThreadEntry | null> {
  const result = await db.query<Row>(
    `SELECT * FROM email_threads WHERE account_id = $1 AND message_id = $2 AND direction = 'out'`,
    [accountId, messageId],
  );
  return result.rows[0] ? toEntry(result.rows[0]) : null;
}

/** Outbound mails not yet delivered: a previous run's (stopped mid-retry), a dead node's, or in flight here; oldest first. */
export async function listPendingDeliveries(db: Queryable): Promise<ThreadEntry[]> {
  const result = await db.query<Row>(`SELECT * FROM email_threads WHERE delivery = 'pending' ORDER BY created_at`);
  return result.rows.map(toEntry);
}

export async function setDelivery(db: Queryable, accountId: string, mailId: string, delivery: MailDelivery): Promise<void> {
  await db.query('UPDATE email_threads SET delivery = $3 WHERE account_id = $1 AND mail_id = $2', [accountId, mailId, delivery]);
}
