import { type Kysely, Migrator, sql } from 'kysely';
import { migrations } from './migrations/index.ts';

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
