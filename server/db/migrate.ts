import { type Kysely, Migrator, sql } from 'kysely';
import { dbKind } from './connection.ts';
import { migrations } from './migrations/index.ts';
import { mergeSearchIndexes } from './search-indexes.ts';

/** The database was migrated by a newer version of Otklik than this one: it must not run on it. */
export class SchemaNewerError extends Error {}

/**
 * The migrations this code knows that the database lacks (`pending`), and those it holds that this
 * code doesn't know (`newer`: a newer version migrated it). Both empty on a database with no schema yet.
 */
export async function schemaState(db: Kysely<any>, schema?: string): Promise<{ pending: string[]; newer: string[] }> {
  const table = schema ? sql.id(schema, 'kysely_migration') : sql.id('kysely_migration');
  let applied: Set<string>;
  try {
    applied = new Set((await sql<{ name: string }>`select name from ${table}`.execute(db)).rows.map((r) => r.name));
  } catch {
    return { pending: [], newer: [] }; // no bookkeeping table: nothing applied, nothing newer
  }
  if (applied.size === 0) return { pending: [], newer: [] };
  return {
    pending: Object.keys(migrations).filter((name) => !applied.has(name)),
    newer: [...applied].filter((name) => !(name in migrations)).sort(),
  };
}

/** What to tell someone starting this version on a database a newer one migrated, in both languages. */
export const schemaNewerMessage = (newer: string[]) =>
  `База данных обновлена более новой версией Otklik (${newer.join(', ')}): запустите ту версию или восстановите копию, сделанную до обновления.\n` +
  `The database was migrated by a newer version of Otklik (${newer.join(', ')}): run that version, or restore a backup made before the update.`;

/**
 * Brings the schema up to date; returns the names of the migrations it ran. The migrator works in
 * one transaction on both databases (on SQLite through the dialect's adapter), even with nothing
 * to migrate; on SQLite its COMMIT indexes any submission left queued for search
 * (server/search/search-queue.ts) by a process that stopped between a write and its indexing, or
 * a write by another program. `schema` keeps Kysely's bookkeeping tables in one PostgreSQL schema
 * (tests give each run its own). A database a newer version migrated is refused (SchemaNewerError),
 * in words, not as Kysely's «corrupted migrations».
 */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<string[]> {
  const { newer } = await schemaState(db, schema);
  if (newer.length > 0) throw new SchemaNewerError(schemaNewerMessage(newer));
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: schema,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * What a migration just applied leaves to do outside its transaction: after `2026-12-24-erased-words`
 * on SQLite holding erased submissions, the file is rewritten once (search indexes merged, then
 * VACUUM), because data erased by a version older than `2026-12-22-secure-delete` stayed readable
 * in the file's free pages, where every backup copies it. Returns what it did for the log, or null
 * when there was nothing to do; the rewrite waits for nothing and fails harmlessly when another process
 * holds the file (its line then says how to do it by hand).
 */
export async function afterMigrations(
  db: Kysely<any>,
  ran: string[],
): Promise<{ rewritten: boolean; text: string } | null> {
  if (!ran.includes('2026-12-24-erased-words') || dbKind(db) !== 'sqlite') return null;
  const erased = await db
    .selectFrom('submissions')
    .select('id')
    .where('erased_at', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  if (!erased) return null;
  const started = performance.now();
  try {
    await mergeSearchIndexes(db);
    await sql`VACUUM`.execute(db);
  } catch (err) {
    return {
      rewritten: false,
      text:
        `Не удалось переписать файл базы (${(err as Error).message}): данные, удалённые прежними версиями, могут оставаться в его свободных страницах. Остановите сервер и выполните sqlite3 ФАЙЛ VACUUM.\n` +
        `Could not rewrite the database file (${(err as Error).message}): data erased by earlier versions may remain in its free pages. Stop the server and run sqlite3 FILE VACUUM.`,
    };
  }
  const took = ((performance.now() - started) / 1000).toFixed(1);
  return {
    rewritten: true,
    text: `The database file was rewritten in ${took} s, so that data erased by earlier versions no longer remains in its free pages.`,
  };
}
