import { parse, protocol, type PGlite } from '@electric-sql/pglite';
import type { Database, QueryResult, Transaction } from './database.js';

/** Distinct SQL texts kept prepared; the hub has a few dozen, multi-row inserts add one per row count. */
const MAX_PREPARED = 256;

interface Prepared {
  name: string;
  /** Parameter type oids, as the server inferred them: values are serialized for these types. */
  paramTypes: number[];
}

const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

/**
 * PGlite behind the store port, with every statement prepared once per SQL text.
 *
 * Why: PGlite's own `query()` makes six calls into the WebAssembly backend per
 * statement (parse, describe, bind, describe, execute, sync) and parses and plans
 * the SQL each time; that was most of the hub's time per message. Here a known
 * statement is one call (bind, describe, execute, sync in one buffer) against a
 * named prepared statement, and a new one costs one more call, once. Values are
 * serialized and rows parsed with PGlite's own serializers and parsers, so the
 * repositories see exactly what `query()` gave them.
 *
 * Statements take PGlite's own locks the way `query()` and `transaction()` do, so
 * anything else holding the PGlite instance stays safe beside this.
 */
export function pgliteDatabase(pg: PGlite): Database {
  const prepared = new Map<string, Prepared>();
  let named = 0;

  const prepare = async (sql: string): Promise<Prepared> => {
    const known = prepared.get(sql);
    if (known) return known;
    const name = `hub_${++named}`;
    const messages = await pg.execProtocolStream(
      concat([protocol.serialize.parse({ name, text: sql }), protocol.serialize.describe({ type: 'S', name }), protocol.serialize.sync()]),
      { syncToFs: false },
    );
    const statement = { name, paramTypes: parse.parseDescribeStatementResults(messages) };
    prepared.set(sql, statement);
    if (prepared.size > MAX_PREPARED) await forgetOldest();
    return statement;
  };

  // Maps keep insertion order: the first one is the oldest.
  const forgetOldest = async () => {
    const [sql, statement] = prepared.entries().next().value as [string, Prepared];
    prepared.delete(sql);
    await pg.execProtocolStream(concat([protocol.serialize.close({ type: 'S', name: statement.name }), protocol.serialize.sync()]), { syncToFs: false });
  };

  const serialize = (statement: Prepared, params: unknown[]): Array<string | null> =>
    params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = pg.serializers[statement.paramTypes[i] ?? 0];
      return serializer ? serializer(value) : String(value);
    });

  /** Must run under PGlite's query lock. Outside a transaction the statement commits on its own, as `query()` would. */
  const run = async <R>(sql: string, params: unknown[], inTransaction: boolean): Promise<QueryResult<R>> => {
    try {
      const statement = await prepare(sql);
      const messages = await pg.execProtocolStream(
        concat([
          protocol.serialize.bind({ statement: statement.name, values: serialize(statement, params) }),
          protocol.serialize.describe({ type: 'P' }),
          protocol.serialize.execute({}),
          protocol.serialize.sync(),
        ]),
        { syncToFs: !inTransaction },
      );
      const result = parse.parseResults(messages, pg.parsers)[0];
      return { rows: (result?.rows ?? []) as R[], affectedRows: result?.affectedRows ?? 0 };
    } catch (error) {
      // What PGlite's query() adds to its errors, so a log line names the statement.
      if (error instanceof Error) Object.assign(error, { query: sql, params });
      throw error;
    }
  };

  const transactional = (tx: Transaction): Transaction => ({
    query: <R>(sql: string, params: unknown[] = []) => pg._runExclusiveQuery(() => run<R>(sql, params, true)),
    exec: (sql) => tx.exec(sql),
  });

  return {
    query: <R>(sql: string, params: unknown[] = []) => pg._runExclusiveTransaction(() => pg._runExclusiveQuery(() => run<R>(sql, params, false))),
    exec: (sql) => pg.exec(sql),
    transaction: (work) => pg.transaction((tx) => work(transactional(tx))),
    close: () => pg.close(),
  };
}
