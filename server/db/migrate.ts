import { type Kysely, Migrator } from 'kysely';
import { migrations } from './migrations/index.ts';

/**
 * Brings the schema up to date; returns the names of the migrations it ran. The migrator works in
 * one transaction on both databases (on SQLite through the dialect's adapter), even with nothing
 * to migrate; on SQLite its COMMIT indexes any submission left queued for search
 * (server/search/search-queue.ts) by a process that stopped between a write and its indexing, or
 * a write by another program. `schema` keeps Kysely's bookkeeping tables in one PostgreSQL schema
 * (tests give each run its own).
 */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: schema,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
