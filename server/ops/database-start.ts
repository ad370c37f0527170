import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { databaseLabel, type Db, dbKind, openDb, sqliteFile } from '../db/connection.ts';
import { afterMigrations, migrateToLatest } from '../db/migrate.ts';
import { type Config, ConfigError } from '../env.ts';

/**
 * The server's database at start: opened, proved writable (SQLite), migrated and, when due,
 * rewritten once (migrate.ts afterMigrations). A database that can't be opened or written stops
 * the start as a ConfigError in words (unopened); any other failure of a migration is a fault,
 * thrown as it is, with its stack.
 * @example const { db, ran, rewritten } = await openForStart(config, (err) => log.warn(err.message))
 */
export async function openForStart(config: Config, onConnectionLost: (err: Error) => void) {
  let db: Db;
  try {
    ({ db } = openDb({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      synchronous: config.sqliteSynchronous,
      onConnectionLost,
    }));
    await sql`SELECT 1`.execute(db);
  } catch (err) {
    throw unopened(config, 'open', err);
  }
  // A file the service's user can't write (restored by root, a read-only mount) fails here, at the first write.
  const unwritten = (err: unknown) => {
    throw !config.databaseUrl && refusedAccess(err) ? unopened(config, 'write', err) : err;
  };
  if (dbKind(db) === 'sqlite') await proveWritable(db).catch(unwritten);
  const ran = await migrateToLatest(db).catch(unwritten);
  const rewritten = await afterMigrations(db).catch(unwritten);
  return { db, ran, rewritten };
}

/**
 * Why the database didn't open, or took no write, as the ConfigError that stops the start: naming
 * the variable that chose it and the database's label (never a password). «ECONNREFUSED
 * 127.0.0.1:5432» alone left the operator to guess which setting was wrong, and «attempt to write a
 * readonly database» whose file it was and who must own it.
 */
function unopened(config: Config, what: 'open' | 'write', err: unknown): ConfigError {
  const variable = config.databaseUrl ? 'DATABASE_URL' : 'DATA_DIR';
  const why = err instanceof Error ? err.message : String(err);
  const access = !config.databaseUrl && refusedAccess(err);
  return new ConfigError(
    `${variable}: cannot ${what} ${databaseLabel(config)} (${why})${access ? `: ${whoMayWrite(config.dataDir)}` : ''}`,
    // A PostgreSQL not answering yet may answer at the next start, and a SQLite file another
    // process holds locked may be free; a path or an owner never changes by itself.
    { transient: (config.databaseUrl !== undefined && what === 'open') || /^SQLITE_(BUSY|LOCKED)/.test(codeOf(err)) },
  );
}

/**
 * One write, of the number the file's header already holds: a file the service's user can only
 * read opens and answers reads, and its first write failed later, somewhere, as a bare stack.
 */
async function proveWritable(db: Db): Promise<void> {
  const { rows } = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db);
  await sql.raw(`PRAGMA user_version = ${Number(rows[0]?.user_version ?? 0)}`).execute(db);
}

/** An error's code (SQLite's, the file system's), or '' for none. */
const codeOf = (err: unknown): string => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
};

/** Whether SQLite or the file system refused the file itself: its owner, its mode, a read-only disk. */
const refusedAccess = (err: unknown): boolean =>
  /^(SQLITE_READONLY|SQLITE_CANTOPEN|SQLITE_PERM|SQLITE_AUTH|EACCES|EPERM|EROFS)/.test(codeOf(err));

/** Who runs the server and who owns the data folder and its database file, for a refused write. */
function whoMayWrite(dataDir: string): string {
  const me = os.userInfo();
  const owner = (file: string) => {
    try {
      return `uid ${fs.statSync(file).uid}`;
    } catch {
      return 'does not exist yet';
    }
  };
  const folder = path.resolve(dataDir);
  const file = sqliteFile(dataDir);
  return `the user running Otklik (${me.username}, uid ${me.uid}) must be able to write ${folder} (owner: ${owner(dataDir)}), its files and ${file} (owner: ${owner(file)}), on a writable disk — e.g. chown -R ${me.username} ${folder}`;
}
