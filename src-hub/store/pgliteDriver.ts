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

const TEXT_OIDS = new Set([25 /* text */, 1043 /* varchar */, 114 /* json */]);
const JSONB_OID = 3802;
/** jsonb's binary input format: a version byte, then the JSON text. */
const JSONB_VERSION = 1;

/**
 * A text-like parameter in Postgres' binary format, which for these types is the
 * UTF-8 text itself (jsonb: after one version byte). Why: PGlite's bind writer
 * measures the UTF-8 length of a text value twice in a JavaScript loop over its
 * characters; the multi-row statements carry a whole batch's rows as one JSON
 * text (80 kB for 100 messages), and that loop was an eighth of the hub's time
 * on the batch webhook path. Buffer.from encodes natively. Other types stay text.
 */
function asBinary(type: number, text: string): string | Uint8Array {
  if (TEXT_OIDS.has(type)) return Buffer.from(text, 'utf8');
  if (type !== JSONB_OID) return text;
  const bytes = Buffer.allocUnsafe(1 + Buffer.byteLength(text, 'utf8'));
  bytes[0] = JSONB_VERSION;
  bytes.write(text, 1, 'utf8');
  return bytes;
}

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

  const serialize = (statement: Prepared, params: unknown[]): Array<string | Uint8Array | null> =>
    params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const type = statement.paramTypes[i] ?? 0;
      const serializer = pg.serializers[type];
      const text = serializer ? serializer(value) : String(value);
      return asBinary(type, text);
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
