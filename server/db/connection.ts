import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type DbKind = 'sqlite' | 'postgres';

/**
 * Which database a connection, or a transaction of it, talks to: the one place that knows.
 * @example if (dbKind(trx) === 'postgres') q = q.forUpdate();
 */
export const dbKind = (db: Db): DbKind => (db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite');

/**
 * Opens the database: PostgreSQL when a postgres:// URL is given, otherwise an SQLite file
 * in the data folder (WAL so readers never wait for the writer; busy timeout for the CLI
 * running beside the server).
 */
export function openDb(options: { databaseUrl?: string; dataDir: string; poolSize?: number }): { db: Db } {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }) };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = new SqliteDatabase(path.join(options.dataDir, 'otklik.sqlite'));
  file.pragma('journal_mode = WAL');
  file.pragma('foreign_keys = ON');
  file.pragma('busy_timeout = 5000');
  file.pragma('synchronous = NORMAL');
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) }) };
}
