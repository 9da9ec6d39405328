import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { runMigrations } from './migrations.js';
import { pgliteDatabase } from './pgliteDriver.js';
import { openPostgres } from './postgresDriver.js';

/**
 * The store port. Two drivers speak the same Postgres SQL behind it, so the
 * repositories and migrations in this folder run unchanged on both:
 * - PGlite (the embedded default): it installs offline from npm as WebAssembly
 *   (better-sqlite3 would have to compile from source on our build machines);
 *   one process owns its data dir. Durability: PGlite runs Postgres with fsync
 *   off and writes the data dir through Node's fs at every commit, so a commit
 *   survives the hub process dying (the OS holds the bytes) but not power loss
 *   or an OS crash in the seconds before the OS writes them back.
 * - PostgreSQL through `pg`, selected by a `postgres://` URL: several hub nodes share it.
 */
export interface QueryResult<R> {
  rows: R[];
  /** Rows an INSERT / UPDATE / DELETE touched. */
  affectedRows?: number;
}

/** Anything that can run one parameterized statement: the database itself or an open transaction. */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
}

export interface Transaction extends Queryable {
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<unknown>;
}

export interface Database extends Transaction {
  /** Commits when `work` resolves, rolls back when it throws. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const isDatabaseUrl = (target: string): boolean => /^postgres(ql)?:\/\//.test(target);

/**
 * `target`: a `postgres://` URL (shared PostgreSQL), a data dir (PGlite, survives
 * restarts) or null (PGlite in memory, for tests). Migrations run before it returns.
 */
export async function openDatabase(target: string | null): Promise<Database> {
  if (target !== null && isDatabaseUrl(target)) return openPostgres(target, runMigrations);
  if (target !== null) await mkdir(target, { recursive: true });
  const pg = target === null ? new PGlite() : new PGlite(target);
  await pg.waitReady;
  const database = pgliteDatabase(pg);
  await runMigrations(database);
  return database;
}
