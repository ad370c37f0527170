import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { BusyRetryPolicy } from './busy-retry.ts';
import type { Database } from './schema.ts';
import { searchQueue } from '../search/search-queue.ts';
import { RetryingSqliteDialect } from './sqlite-dialect.ts';

export type Db = Kysely<Database>;
export type DbKind = 'sqlite' | 'postgres';

/**
 * Which database a connection, or a transaction of it, talks to: the one place that knows.
 * @example if (dbKind(trx) === 'postgres') q = q.forUpdate();
 */
export const dbKind = (db: Db): DbKind => (db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite');

/** The SQLite database's file in the data folder. */
export const sqliteFile = (dataDir: string) => path.join(dataDir, 'otklik.sqlite');

/** There is no database where a command that needs the server's one looked. */
export class DatabaseMissingError extends Error {}

/**
 * Which database the options name, for people: «SQLite ./data/otklik.sqlite» (relative to the
 * working folder when inside it) or «PostgreSQL postgres://otklik@db.local:5432/otklik», never the password.
 */
export function databaseLabel(options: { databaseUrl?: string; dataDir: string }): string {
  if (options.databaseUrl) {
    try {
      const url = new URL(options.databaseUrl);
      url.password = '';
      url.search = '';
      return `PostgreSQL ${url.toString()}`;
    } catch {
      return 'PostgreSQL (DATABASE_URL)';
    }
  }
  const file = sqliteFile(path.resolve(options.dataDir));
  const relative = path.relative(process.cwd(), file);
  return `SQLite ${relative.startsWith('..') || path.isAbsolute(relative) ? file : `./${relative}`}`;
}

/** How SQLite makes a commit durable (`SQLITE_SYNCHRONOUS`); see README «Durability». */
export type SqliteSynchronous = 'NORMAL' | 'FULL';

/**
 * How long better-sqlite3 itself waits for a lock: not at all. Its wait is on the event loop, and
 * every waiting write pays it on every try: with 10 submissions waiting for a lock held 10 s,
 * 20 ms made /healthz take up to 5.1 s and 100 ms 14.8 s, against 32 ms at 0
 * (scripts/redteam-locked-db.ts). The dialect waits instead, on timers (sqlite-dialect.ts).
 */
export const SQLITE_BUSY_TIMEOUT_MS = 0;

/** How long opening a PostgreSQL connection may take before the query waiting for it fails. */
export const PG_CONNECT_TIMEOUT_MS = 5_000;

/**
 * A client that gives up opening its connection after PG_CONNECT_TIMEOUT_MS: a server that takes
 * the connection and says nothing (a dead host behind a firewall) fails the query, and /readyz
 * answers 503, instead of every request waiting for it. Set on the client, not the pool: the
 * pool's own `connectionTimeoutMillis` also bounds the wait for a free connection, and a busy
 * instance then answered 500 and «database_unreachable» after 5 s.
 */
class TimedClient extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super({ ...config, connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS });
  }
}

const stamps = new WeakMap<Db, () => string | null>();

/**
 * What changes whenever the database's content may have: on SQLite, the rows this connection has
 * changed so far (every INSERT, UPDATE and DELETE, a trigger's and a rolled-back one's too) with
 * the file's data version (which moves when another process, such as the CLI, commits), read in
 * a few microseconds without waiting for the connection. Undefined on PostgreSQL, where other
 * instances write without telling this one; null once the database is closed.
 * @example const stamp = changeStamp(db); stamp?.() // '1:5120'
 */
export const changeStamp = (db: Db): (() => string | null) | undefined => stamps.get(db);

/**
 * Opens the database: PostgreSQL when a postgres:// URL is given, otherwise an SQLite file
 * in the data folder (WAL so readers never wait for the writer; a lock held by another process,
 * such as the CLI, waited for off the event loop). With `mustExist`, a missing SQLite file is a
 * DatabaseMissingError instead of a new empty database (the CLI's commands other than `migrate`).
 */
export function openDb(options: {
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
  mustExist?: boolean;
  synchronous?: SqliteSynchronous;
  busyRetry?: Partial<BusyRetryPolicy>;
  /** PostgreSQL: told when an idle connection of the pool is lost (the server restarted, a proxy cut it). */
  onConnectionLost?: (err: Error) => void;
}): {
  db: Db;
} {
  if (options.databaseUrl) {
    const lost = options.onConnectionLost ?? (() => {});
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      Client: TimedClient,
    });
    // A connection that drops emits 'error': on the pool when it is idle, on the client itself
    // while it is lent out (a transaction between two statements). Unhandled, either ended the
    // whole process with the requests in progress. The pool drops that connection and opens a
    // new one when next asked: the server carries on, and /readyz says whether it can.
    pool.on('connect', (client) => client.on('error', lost));
    pool.on('error', () => {}); // the same error as the client's, told there
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }) };
  }
  const location = sqliteFile(options.dataDir);
  if (options.mustExist && !fs.existsSync(location)) throw new DatabaseMissingError(location);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = new SqliteDatabase(location, { fileMustExist: options.mustExist === true });
  file.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  file.pragma('journal_mode = WAL');
  file.pragma('foreign_keys = ON');
  // A statement that fires triggers inside a transaction keeps a statement journal to undo itself
  // alone; on disk (SQLite's default) that is a temporary file written and truncated for each such
  // statement. In memory, a complaint's three inserts (submission, complaint, steps) took 118 µs
  // instead of 253, and the submit path went 420 → 540 req/s (issue 12 «Speed»). Sorts too large
  // for the page cache now spill to memory, not to /tmp: Otklik's big reads follow indexes.
  file.pragma('temp_store = MEMORY');
  file.pragma(`synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
  // Freed space zeroed: an erased client's data (152-ФЗ) stayed readable in free pages and between
  // live rows, and went into every backup of the file (see forgetOldPages for the WAL).
  file.pragma('secure_delete = ON');
  // SQLite's search indexes are written at each commit from the queue its triggers fill.
  const dialect = new RetryingSqliteDialect(file, { policy: options.busyRetry, beforeCommit: searchQueue(file) });
  const db = new Kysely<Database>({ dialect });
  const version = file.prepare('PRAGMA data_version').pluck();
  const changes = file.prepare('SELECT total_changes()').pluck();
  stamps.set(db, () => (file.open ? `${version.get()}:${changes.get()}` : null));
  return { db };
}

/**
 * Whether the database holds Otklik's tables (its migrations ran once): an empty database, such
 * as a new PostgreSQL one or an SQLite file someone touched, does not.
 */
export async function hasSchema(db: Db): Promise<boolean> {
  if (dbKind(db) === 'postgres') {
    // to_regclass follows search_path, as the migrator's own table does.
    const r = await sql<{ t: string | null }>`SELECT to_regclass('kysely_migration')::text AS t`.execute(db);
    return r.rows[0]?.t != null;
  }
  const r = await sql<{
    name: string;
  }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`.execute(db);
  return r.rows.length > 0;
}

/** When this database was made: the first of its migrations ran then (ISO 8601). */
export async function createdAt(db: Db): Promise<string> {
  const r = await sql<{ at: string }>`SELECT min(timestamp) AS at FROM kysely_migration`.execute(db);
  return r.rows[0]!.at;
}

/**
 * After an erasure, on SQLite: the WAL's older page images, which still hold what was erased, are
 * written back and the WAL emptied (a TRUNCATE checkpoint). While another connection reads (the
 * server beside the CLI), SQLite answers «busy» in the checkpoint's row instead of failing, so it
 * is asked again for up to `waitMs`. Returns whether the WAL was emptied; on PostgreSQL, true.
 * @example if (!(await forgetOldPages(db))) console.error('the WAL still holds old pages')
 */
export async function forgetOldPages(db: Db, waitMs = 5_000): Promise<boolean> {
  if (dbKind(db) !== 'sqlite') return true;
  const until = Date.now() + waitMs;
  for (let delay = 10; ; delay = Math.min(delay * 2, 250)) {
    const r = await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    if (r.rows[0]?.busy === 0) return true;
    if (Date.now() + delay > until) return false;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
