import { type Kysely, Migrator } from 'kysely';
import { migrations } from './migrations/index.ts';

/**
 * Brings the schema up to date; returns the names of the migrations it ran. `schema` keeps
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
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
