import { PGlite } from '@electric-sql/pglite';
import { makeTempDir, removeDir } from './hubRig.js';
import { round, type Throughput } from './measure.js';

/**
 * What the store itself allows for customer messages: bare PGlite on its own
 * temp data dir (the on-disk kind the hub uses), the rows one customer message
 * writes (its message row and its two events, message-sized jsonb), through
 * PGlite's own `query()`: one transaction per message, then `batch` messages per
 * transaction as two multi-row INSERTs. No reads, locks, checks or fan-out.
 */
export interface RawStoreLimits {
  oneTransactionPerMessage: Throughput;
  batched: Throughput;
}

export async function measureRawStoreLimits(n: number, batch: number, message: (i: number) => { doc: object; event: object }): Promise<RawStoreLimits> {
  const dir = await makeTempDir('rawstore');
  const db = new PGlite(dir);
  try {
    await db.waitReady;
    await db.exec(`
      CREATE TABLE messages (id text PRIMARY KEY, doc jsonb NOT NULL, created_at bigint NOT NULL);
      CREATE TABLE events (seq bigint PRIMARY KEY, type text NOT NULL, data jsonb NOT NULL, at bigint NOT NULL);
    `);
    let seq = 0;
    const time = async (label: string, body: (offset: number) => Promise<void>): Promise<Throughput> => {
      const offset = seq;
      const start = performance.now();
      await body(offset);
      const seconds = (performance.now() - start) / 1000;
      if (seq - offset !== 2 * n) throw new Error(`${label}: wrote ${seq - offset} events, expected ${2 * n}`);
      return { n, window: label === 'batched' ? batch : 1, seconds: round(seconds, 3), perSecond: round(n / seconds, 1) };
    };

    const oneTransactionPerMessage = await time('per message', async (offset) => {
      for (let i = 0; i < n; i++) {
        const { doc, event } = message(offset + i);
        await db.transaction(async (tx) => {
          await tx.query('INSERT INTO messages (id, doc, created_at) VALUES ($1, $2, $3)', [`m${offset + i}`, doc, Date.now()]);
          await tx.query('INSERT INTO events (seq, type, data, at) VALUES ($1, $2, $3, $4)', [++seq, 'conversation.upsert', event, Date.now()]);
          await tx.query('INSERT INTO events (seq, type, data, at) VALUES ($1, $2, $3, $4)', [++seq, 'message.created', doc, Date.now()]);
        });
      }
    });

    const batched = await time('batched', async (offset) => {
      for (let first = 0; first < n; first += batch) {
        const count = Math.min(batch, n - first);
        const messages: unknown[] = [];
        const events: unknown[] = [];
        for (let i = first; i < first + count; i++) {
          const { doc, event } = message(offset + i);
          messages.push(`m${offset + i}`, doc, Date.now());
          events.push(++seq, 'conversation.upsert', event, Date.now(), ++seq, 'message.created', doc, Date.now());
        }
        const values = (rows: number, columns: number) =>
          Array.from({ length: rows }, (_, r) => `(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(', ')})`).join(', ');
        await db.transaction(async (tx) => {
          await tx.query(`INSERT INTO messages (id, doc, created_at) VALUES ${values(count, 3)}`, messages);
          await tx.query(`INSERT INTO events (seq, type, data, at) VALUES ${values(2 * count, 4)}`, events);
        });
      }
    });
    return { oneTransactionPerMessage, batched };
  } finally {
    if (!db.closed) await db.close();
    await removeDir(dir);
  }
}
