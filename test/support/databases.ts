import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type Db, type DbKind, openDb, sqliteFile } from '../../server/db/connection.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { migrations } from '../../server/db/migrations/index.ts';
import type { Database } from '../../server/db/schema.ts';

export interface TestDb {
  db: Db;
  kind: DbKind;
  /** Another connection pool to the same database, as a second instance would have. */
  openAnother(): Db;
  /**
   * Migrates down or up to the migration named (the latest without one), as an upgrade from an
   * older version meets it; on PostgreSQL holding the schema lock alone, since a migration down
   * drops tables that another test's migrator may be listing at that moment.
   */
  migrateTo(name?: string): Promise<void>;
  close(): Promise<void>;
  /** The SQLite file, whose bytes a test may read (none on PostgreSQL). */
  file?: string;
}

const pgUrl = process.env.TEST_DATABASE_URL;

/**
 * The databases storage tests run on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set.
 * CI sets it; there a missing URL is an error, not a skip.
 */
export const DB_KINDS: DbKind[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
if (!pgUrl) {
  if (process.env.CI) throw new Error('TEST_DATABASE_URL is not set: CI must run the PostgreSQL tests');
  console.warn('[otklik tests] TEST_DATABASE_URL is not set: PostgreSQL storage tests are SKIPPED, SQLite only.');
}

// Kysely's migrator looks for its tables by listing every table of the database with
// pg_get_serial_sequence(), which fails with «schema … does not exist» when another test drops
// its schema at that moment. Migrations hold this advisory lock shared, drops exclusive.
const SCHEMA_LOCK = 7_310_452;

/**
 * Drops a test's schema once no migration elsewhere is listing tables.
 * @example await dropTestSchema(client, 't_123_ab')
 */
export async function dropTestSchema(client: pg.Client, schema: string): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]);
  }
}

/** A fresh, migrated database: a temp SQLite file, or a new PostgreSQL schema dropped on close. */
export async function openTestDb(kind: DbKind): Promise<TestDb> {
  if (kind === 'sqlite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-db-'));
    const { db } = openDb({ dataDir });
    await migrateToLatest(db);
    const others: Db[] = [];
    return {
      db,
      kind,
      file: sqliteFile(dataDir),
      migrateTo: (name) => migrateTestDb(db, name),
      openAnother: () => {
        const o = openDb({ dataDir }).db;
        others.push(o);
        return o;
      },
      close: async () => {
        for (const o of others) await o.destroy();
        await db.destroy();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  if (!pgUrl) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const open = () =>
    new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: pgUrl, max: 5, options: `-c search_path=${schema}` }),
      }),
    });
  const db = open();
  const others: Db[] = [];
  const close = async () => {
    for (const o of others) await o.destroy();
    await db.destroy();
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await dropTestSchema(c, schema);
    await c.end();
  };
  const guard = new pg.Client({ connectionString: pgUrl });
  try {
    await guard.connect();
    await guard.query('SELECT pg_advisory_lock_shared($1)', [SCHEMA_LOCK]);
    await migrateToLatest(db, schema);
    await guard.end();
  } catch (err) {
    await guard.end().catch(() => {});
    await close(); // leave nothing behind in the shared test database
    throw err;
  }
  return {
    db,
    kind,
    migrateTo: async (name) => {
      const lock = new pg.Client({ connectionString: pgUrl });
      await lock.connect();
      try {
        // Alone, as a drop: migrating down drops tables, which another test's migrator may be listing.
        await lock.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
        await migrateTestDb(db, name, schema);
      } finally {
        await lock.end();
      }
    },
    openAnother: () => {
      const o = open();
      others.push(o);
      return o;
    },
    close,
  };
}

async function migrateTestDb(db: Db, name: string | undefined, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: schema,
  });
  const { error } = name ? await migrator.migrateTo(name) : await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
