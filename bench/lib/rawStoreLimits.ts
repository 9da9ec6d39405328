import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { makeTempDir, removeDir } from './hubRig.js';
import { round, type Throughput } from './measure.js';

/**
 * What the store itself allows for customer messages: the rows one customer
 * message writes (its message row and its two events, message-sized jsonb), on
 * one connection, one transaction per message, then `batch` messages per
 * transaction as two multi-row INSERTs. No reads, locks, checks or fan-out.
 * The store: bare PGlite on its own temp data dir (the on-disk kind the hub
 * uses) through its own `query()`, or a PostgreSQL database through `pg`.
 */
export interface RawStoreLimits {
  oneTransactionPerMessage: Throughput;
  batched: Throughput;
}

/** The two calls the measurement needs, from either driver. */
interface RawSql {
  exec(sql: string): Promise<unknown>;
  transaction(work: (query: (sql: string, params: unknown[]) => Promise<unknown>) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

async function openPglite(): Promise<RawSql> {
  const dir = await makeTempDir('rawstore');
  const db = new PGlite(dir);
  await db.waitReady;
  return {
    exec: (sql) => db.exec(sql),
    transaction: (work) => db.transaction((tx) => work((sql, params) => tx.query(sql, params))),
    async close() {
      if (!db.closed) await db.close();
      await removeDir(dir);
    },
  };
}

async function openPostgres(databaseUrl: string): Promise<RawSql> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    exec: (sql) => client.query(sql),
    async transaction(work) {
      await client.query('BEGIN');
      try {
        await work((sql, params) => client.query(sql, params));
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
    close: () => client.end(),
  };
}

/** `databaseUrl`: measure that (empty) PostgreSQL database; without it, a fresh PGlite. */
/** `n` messages one transaction each, `nBatched` messages `batch` per transaction. */
export async function measureRawStoreLimits(
  counts: { n: number; nBatched: number; batch: number },
  message: (i: number) => { doc: object; event: object },
  databaseUrl?: string,
): Promise<RawStoreLimits> {
  const { n, nBatched, batch } = counts;
  const db = databaseUrl ? await openPostgres(databaseUrl) : await openPglite();
  try {
    await db.exec(`
      CREATE TABLE messages (id text PRIMARY KEY, doc jsonb NOT NULL, created_at bigint NOT NULL);
      CREATE TABLE events (seq bigint PRIMARY KEY, type text NOT NULL, data jsonb NOT NULL, at bigint NOT NULL);
    `);
    let seq = 0;
    const time = async (label: string, count: number, body: (offset: number) => Promise<void>): Promise<Throughput> => {
      const offset = seq;
      const start = performance.now();
      await body(offset);
      const seconds = (performance.now() - start) / 1000;
      if (seq - offset !== 2 * count) throw new Error(`${label}: wrote ${seq - offset} events, expected ${2 * count}`);
      return { n: count, window: label === 'batched' ? batch : 1, seconds: round(seconds, 3), perSecond: round(count / seconds, 1) };
    };

    const oneTransactionPerMessage = await time('per message', n, async (offset) => {
      for (let i = 0; i < n; i++) {
        const { doc, event } = message(offset + i);
        await db.transaction(async (query) => {
          await query('INSERT INTO messages (id, doc, created_at) VALUES ($1, $2, $3)', [`m${offset + i}`, doc, Date.now()]);
          await query('INSERT INTO events (seq, type, data, at) VALUES ($1, $2, $3, $4)', [++seq, 'conversation.upsert', event, Date.now()]);
          await query('INSERT INTO events (seq, type, data, at) VALUES ($1, $2, $3, $4)', [++seq, 'message.created', doc, Date.now()]);
        });
      }
    });

    const batched = await time('batched', nBatched, async (offset) => {
      for (let first = 0; first < nBatched; first += batch) {
        const count = Math.min(batch, nBatched - first);
        const messages: unknown[] = [];
        const events: unknown[] = [];
        for (let i = first; i < first + count; i++) {
          const { doc, event } = message(offset + i);
          messages.push(`m${offset + i}`, doc, Date.now());
          events.push(++seq, 'conversation.upsert', event, Date.now(), ++seq, 'message.created', doc, Date.now());
        }
        const values = (rows: number, columns: number) =>
          Array.from({ length: rows }, (_, r) => `(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(', ')})`).join(', ');
        await db.transaction(async (query) => {
          await query(`INSERT INTO messages (id, doc, created_at) VALUES ${values(count, 3)}`, messages);
          await query(`INSERT INTO events (seq, type, data, at) VALUES ${values(2 * count, 4)}`, events);
        });
      }
    });
    return { oneTransactionPerMessage, batched };
  } finally {
    await db.close();
  }
}
