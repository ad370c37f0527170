import { type Kysely, Migrator, SqliteAdapter } from 'kysely';
import { migrations } from './migrations/index.ts';

/**
 * Brings the schema up to date; returns the names of the migrations it ran. On SQLite it then
 * commits once, which indexes any submission left queued for search (server/search/search-queue.ts)
 * by a process that stopped between a write and its indexing, or a write by another program. `schema` keeps
 * Kysely's bookkeeping tables in one PostgreSQL schema (tests give each run its own).
 */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: schema,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  if (db.getExecutor().adapter instanceof SqliteAdapter) await db.transaction().execute(async () => {});
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
