import { type Kysely, Migrator, sql } from 'kysely';
import { dbKind, forgetOldPages } from './connection.ts';
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

/** The settings' mark of a rewrite due (migration 2026-12-24-erased-words). */
const REWRITE_DUE = 'rewrite_erased_pages';

/**
 * What a migration leaves to do outside its transaction: after `2026-12-24-erased-words` on a
 * SQLite file holding erased submissions, the file is rewritten once (search indexes merged, then
 * VACUUM, its temporary copy on disk rather than in memory; then the WAL emptied), because data
 * erased by a version older than `2026-12-22-secure-delete` stayed readable in its free pages,
 * where every backup copies it. The migration leaves a mark; it goes once the rewrite is done, so a
 * start killed meanwhile rewrites again. Returns what it did for the log, or null with nothing to
 * do; a rewrite refused (another process holds the file) keeps the mark and says so.
 */
export async function afterMigrations(db: Kysely<any>): Promise<{ rewritten: boolean; text: string } | null> {
  if (dbKind(db) !== 'sqlite') return null;
  const due = await db.selectFrom('settings').select('key').where('key', '=', REWRITE_DUE).executeTakeFirst();
  if (!due) return null;
  const started = performance.now();
  try {
    await mergeSearchIndexes(db);
    await sql`PRAGMA temp_store = FILE`.execute(db);
    try {
      await sql`VACUUM`.execute(db);
    } finally {
      await sql`PRAGMA temp_store = MEMORY`.execute(db);
    }
  } catch (err) {
    return {
      rewritten: false,
      text:
        `Не удалось переписать файл базы (${(err as Error).message}): данные, удалённые прежними версиями, остаются в его свободных страницах; это будет сделано при следующем запуске.\n` +
        `Could not rewrite the database file (${(err as Error).message}): data erased by earlier versions remain in its free pages; the next start tries again.`,
    };
  }
  await db.deleteFrom('settings').where('key', '=', REWRITE_DUE).execute();
  await forgetOldPages(db);
  const took = ((performance.now() - started) / 1000).toFixed(1);
  return {
    rewritten: true,
    text: `The database file was rewritten in ${took} s, so that data erased by earlier versions no longer remains in its free pages.`,
  };
}
