import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from './database.js';
import { pgliteDatabase } from './pgliteDriver.js';

/** One PGlite: its own `query()` is the reference the prepared path must match. */
let pg: PGlite;
let db: Database;
beforeAll(async () => {
  pg = new PGlite();
  await pg.waitReady;
  db = pgliteDatabase(pg);
  await db.exec(`CREATE TABLE t (id bigint PRIMARY KEY, name text, flag boolean, doc jsonb, raw bytea, n integer)`);
});
afterAll(() => db.close());

it('reads and writes every type the hub uses exactly as PGlite query() does', async () => {
  const row = [1, '张三 "quoted"', true, { a: [1, 'x'], b: null, c: '中文' }, new Uint8Array([0, 1, 255]), 42];
  const insert = await db.query('INSERT INTO t (id, name, flag, doc, raw, n) VALUES ($1, $2, $3, $4, $5, $6)', row);
  expect(insert.affectedRows).toBe(1);
  await db.query('INSERT INTO t (id, name, flag, doc, raw, n) VALUES ($1, $2, $3, $4, $5, $6)', [2, null, false, [1, 2], null, null]);
  const sql = 'SELECT id, name, flag, doc, raw, n FROM t ORDER BY id';
  const ours = await db.query(sql);
  const theirs = await pg.query(sql);
  expect(ours.rows).toEqual(theirs.rows);
  expect(ours.rows[0]).toEqual({ id: 1, name: row[1], flag: true, doc: row[3], raw: row[4], n: 42 });
  expect(ours.rows[1]).toMatchObject({ id: 2, name: null, doc: [1, 2], raw: null });
});

it('sends text, varchar, json and jsonb parameters (binary on the wire) as PGlite query() would read them', async () => {
  const text = '买家 "引号" \\ 🙂 é\n';
  const doc = JSON.stringify({ text, list: [{ k: '中文' }], empty: '' });
  const sql = `SELECT $1::text AS t, $2::varchar AS v, $3::json AS j, $4::jsonb AS b, $5::text AS e,
    length($1::text) AS chars, (SELECT count(*) FROM jsonb_array_elements($6::jsonb)) AS n`;
  const params = [text, text, doc, doc, '', JSON.stringify(Array.from({ length: 300 }, (_, i) => ({ i, text })))];
  const ours = await db.query(sql, params);
  expect(ours.rows).toEqual((await pg.query(sql, params)).rows);
  expect(ours.rows[0]).toMatchObject({ t: text, v: text, j: JSON.parse(doc), b: JSON.parse(doc), e: '', chars: [...text].length, n: 300 });
});

it('counts the rows an UPDATE touched, and returns RETURNING rows', async () => {
  const updated = await db.query<{ id: number }>('UPDATE t SET n = n WHERE id >= $1 RETURNING id', [1]);
  expect(updated.affectedRows).toBe(2);
  expect(updated.rows.map((r) => r.id).sort()).toEqual([1, 2]);
  expect((await db.query('UPDATE t SET n = 1 WHERE id = $1', [99])).affectedRows).toBe(0);
});

it('a failing statement throws with its code; the statement and the store stay usable', async () => {
  const sql = 'INSERT INTO t (id) VALUES ($1)';
  await expect(db.query(sql, [1])).rejects.toMatchObject({ code: '23505' });
  await expect(db.query('SELECT nope FROM t')).rejects.toMatchObject({ code: '42703' });
  expect((await db.query(sql, [3])).affectedRows).toBe(1);
});

it('a transaction commits with its work, rolls back when the work throws, and keeps statements prepared inside it', async () => {
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO t (id, name) VALUES ($1, $2)', [10, 'kept']);
  });
  const insertOnce = 'INSERT INTO t (id, name) VALUES ($1, $2) RETURNING id';
  await expect(
    db.transaction(async (tx) => {
      await tx.query(insertOnce, [11, 'gone']);
      throw new Error('changed my mind');
    }),
  ).rejects.toThrow('changed my mind');
  const names = await db.query<{ name: string }>('SELECT name FROM t WHERE id >= $1 ORDER BY id', [10]);
  expect(names.rows.map((r) => r.name)).toEqual(['kept']);
  // Prepared inside the rolled-back transaction: a prepared statement outlives it.
  expect((await db.query(insertOnce, [12, 'again'])).rows).toEqual([{ id: 12 }]);
});

it('keeps working past the prepared-statement cache (the oldest are closed and prepared again when needed)', async () => {
  for (let i = 0; i < 300; i++) expect((await db.query(`SELECT $1::int + ${i} AS v`, [1])).rows[0]).toEqual({ v: i + 1 });
  expect((await db.query('SELECT $1::int + 0 AS v', [5])).rows[0]).toEqual({ v: 5 });
});

it('statements outside a transaction wait for a transaction in flight, as PGlite query() does', async () => {
  const order: string[] = [];
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const tx = db.transaction(async (t) => {
    await t.query('UPDATE t SET n = 7 WHERE id = $1', [1]);
    order.push('tx wrote');
    await held;
  });
  await new Promise((resolve) => setTimeout(resolve, 10));
  const read = db.query<{ n: number }>('SELECT n FROM t WHERE id = $1', [1]).then((r) => (order.push('read'), r.rows[0]!.n));
  await new Promise((resolve) => setTimeout(resolve, 20));
  order.push('released');
  release();
  await tx;
  expect(await read).toBe(7);
  expect(order).toEqual(['tx wrote', 'released', 'read']);
});
