import type { HubEvent } from '../../src-shared/hub/events.js';
import type { Queryable } from './database.js';

interface EventRow {
  seq: number;
  type: HubEvent['type'];
  data: unknown;
  at: number;
}

const toEvent = (row: EventRow): HubEvent => ({ seq: Number(row.seq), type: row.type, at: Number(row.at), data: row.data }) as HubEvent;

/**
 * Appends one event. Must run inside a transaction: the seq comes from the
 * account's head row, bumped by the same transaction, so seqs never skip or repeat.
 */
export async function appendEvent(
  tx: Queryable,
  accountId: string,
  type: HubEvent['type'],
  data: unknown,
  at: number,
): Promise<HubEvent> {
  const head = await tx.query<{ seq: number }>(
    `INSERT INTO account_heads (account_id, seq) VALUES ($1, 1)
     ON CONFLICT (account_id) DO UPDATE SET seq = account_heads.seq + 1
     RETURNING seq`,
    [accountId],
  );
  const seq = Number(head.rows[0]!.seq);
  await tx.query('INSERT INTO events (account_id, seq, type, data, at) VALUES ($1, $2, $3, $4, $5)', [accountId, seq, type, data, at]);
  return toEvent({ seq, type, data, at });
}

export async function readEventsAfter(db: Queryable, accountId: string, afterSeq: number, limit: number): Promise<HubEvent[]> {
  const result = await db.query<EventRow>(
    'SELECT seq, type, data, at FROM events WHERE account_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
    [accountId, afterSeq, limit],
  );
  return result.rows.map(toEvent);
}

export async function readHeadSeq(db: Queryable, accountId: string): Promise<number> {
  const result = await db.query<{ seq: number }>('SELECT seq FROM account_heads WHERE account_id = $1', [accountId]);
  return Number(result.rows[0]?.seq ?? 0);
}
