import pg from 'pg';
import type { Database, QueryResult, Transaction } from './database.js';

/** Any fixed number: every hub node asks for the same lock while it migrates. */
const MIGRATION_LOCK = 4600_0001;
const INT8_OID = 20;

/**
 * PGlite hands back int8 as a JS number; `pg` would give a string. Our int8
 * columns are seqs and millisecond timestamps, far below 2^53, so parse them
 * the same way and the repositories see one shape from both drivers.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

const toResult = <R>(result: pg.QueryResult): QueryResult<R> => ({ rows: result.rows as R[], affectedRows: result.rowCount ?? 0 });

function queryableOf(client: pg.Pool | pg.PoolClient): Transaction {
  return {
    query: async <R>(sql: string, params?: unknown[]) => toResult<R>(await client.query(sql, params)),
    exec: (sql) => client.query(sql),
  };
}

/**
 * A pool of connections to a shared PostgreSQL. `migrate` runs under a
 * cluster-wide advisory lock, so two nodes starting together apply each step once:
 * the second waits, then finds the schema current.
 */
export async function openPostgres(url: string, migrate: (db: Database) => Promise<unknown>): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, types });
  // An idle connection the server dropped: the pool discards it and the next query opens a new one.
  pool.on('error', () => {});
  const db: Database = {
    ...queryableOf(pool),
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(queryableOf(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };

  try {
    const lock = await pool.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migrate(db);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      lock.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return db;
}
