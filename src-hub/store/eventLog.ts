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
 * Takes the account's head row lock for the rest of the transaction (creating
 * the row at seq 0 for a new account) and returns its seq: the upsert locks the
 * row the way `SELECT … FOR UPDATE` would, in one round trip. Every writer of
 * the account, on any hub node, waits here until the holder commits, so two
 * nodes never allocate the same seq and never interleave read-modify-writes of
 * its projections. An unknown account inserts nothing and locks nothing, and
 * throws: this is what keeps rows of unknown accounts out of the per-message
 * tables, which have no foreign key of their own (migration 7).
 */
export async function lockAccountHead(tx: Queryable, accountId: string): Promise<number> {
  const result = await tx.query<{ seq: number }>(
    `INSERT INTO account_heads (account_id, seq) SELECT id, 0 FROM accounts WHERE id = $1
     ON CONFLICT (account_id) DO UPDATE SET seq = account_heads.seq
     RETURNING seq`,
    [accountId],
  );
  const head = result.rows[0];
  if (!head) throw new UnknownAccountError(accountId);
  return Number(head.seq);
}

export class UnknownAccountError extends Error {
  constructor(accountId: string) {
    super(`no account ${accountId}: nothing is recorded for it`);
  }
}

/**
 * Writes events whose seqs the caller allocated after `lockAccountHead`
 * (contiguous, from its head + 1) and moves the head to the last one, in one
 * statement. Must run in the transaction that holds the head lock. The events
 * travel as one JSON array, so any count is the same SQL text (one prepared statement).
 */
export async function writeEvents(tx: Queryable, accountId: string, events: readonly HubEvent[]): Promise<void> {
  const last = events.at(-1);
  if (!last) return;
  await tx.query(
    `WITH written AS (
       INSERT INTO events (account_id, seq, type, data, at)
       SELECT $1, (e->>'seq')::bigint, e->>'type', e->'data', (e->>'at')::bigint FROM jsonb_array_elements($3::jsonb) AS e
     )
     UPDATE account_heads SET seq = $2 WHERE account_id = $1`,
    [accountId, last.seq, JSON.stringify(events)],
  );
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

/** Every account's last seq (the cluster publisher's starting point and its sweep). */
export async function readAllHeadSeqs(db: Queryable): Promise<Array<{ accountId: string; seq: number }>> {
  const result = await db.query<{ account_id: string; seq: number }>('SELECT account_id, seq FROM account_heads');
  return result.rows.map((row) => ({ accountId: row.account_id, seq: Number(row.seq) }));
}
