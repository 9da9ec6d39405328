import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Transaction } from '@electric-sql/pglite';
import { runMigrations } from './migrations.js';

/**
 * Why PGlite: it installs offline from npm as WebAssembly (better-sqlite3 would
 * have to compile from source on our build machines), and it speaks real
 * Postgres SQL, the same dialect as the PostgreSQL a scaled-out hub runs, so the
 * queries in this folder carry over unchanged.
 */
export type Database = PGlite;

/** Anything that can run a query: the database itself or an open transaction. */
export type Queryable = Pick<Transaction, 'query'>;

/** `dataDir: null` keeps everything in memory (tests); otherwise the directory survives restarts. */
export async function openDatabase(dataDir: string | null): Promise<Database> {
  if (dataDir !== null) await mkdir(dataDir, { recursive: true });
  const db = dataDir === null ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  await runMigrations(db);
  return db;
}
