// The benchmark's two databases: an SQLite file under DATA_DIR (or the system's temporary folder)
// and a PostgreSQL schema of its own. Each is migrated with the application's real migrations and
// filled (fill.ts), or reused as it is when --reuse finds one filled the same way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { makeCalendar } from '../../server/calendar/working-time.ts';
import { type Db, openDb, sqliteFile } from '../../server/db/connection.ts';
import { migrations } from '../../server/db/migrations/index.ts';
import type { Database } from '../../server/db/schema.ts';
import { directory } from './directory.ts';
import { fillComplaints, fillSubmissions } from './fill.ts';
import { seededRandom } from './random.ts';
import { postgresSink, type Sink, sqliteSink } from './sinks.ts';
import { seconds } from './timing.ts';

/** Changed whenever the generated data changes, so that --reuse refills a database made otherwise. */
const DATA_VERSION = 'issue-11.2';
/** The data's present: the end of its three years; reports and the inbox are timed as of then. */
export const NOW = new Date('2026-12-31T12:00:00Z');

export interface BenchOptions {
  rows: number;
  reuse: boolean;
  keep: boolean;
}
export interface BenchDb {
  db: Db;
  /** The department the filtered pages and the one-department reports look at. */
  department: { id: string; name: string };
  close(): Promise<void>;
}

async function migrateTo(db: Db, name: string, schema?: string) {
  // Naming the schema: Kysely otherwise takes migration tables in any schema (another test's) for its own.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema && { migrationTableSchema: schema }),
  });
  const { error } = name === 'latest' ? await migrator.migrateToLatest() : await migrator.migrateTo(name);
  if (error) throw error;
}

/** Migrates to the console's schema, fills, migrates to the latest, fills the complaints; prints how long each took. */
async function fill(label: string, db: Db, sink: Sink, rows: number, schema?: string) {
  const start = performance.now();
  await migrateTo(db, '2026-11-24-console', schema);
  const r = seededRandom(20261125);
  const dir = directory(r, NOW.toISOString());
  let t = performance.now();
  const pending = await fillSubmissions(sink, r, rows, NOW, dir, makeCalendar());
  console.log(`${label}: ${rows.toLocaleString('en')} submissions filled in ${seconds(t)}`);
  t = performance.now();
  await migrateTo(db, 'latest', schema);
  console.log(`${label}: migrations on the full table (search indexes, stemmed words) ${seconds(t)}`);
  t = performance.now();
  await fillComplaints(sink, dir, pending);
  const steps = pending.complaints.length * 6;
  console.log(
    `${label}: ${pending.complaints.length.toLocaleString('en')} complaints and ${steps.toLocaleString('en')} steps filled in ${seconds(t)}; all in ${seconds(start)}`,
  );
}

const departmentOf = (db: Db) =>
  db.selectFrom('departments').select(['id', 'name']).where('name', '=', 'Отдел продаж').executeTakeFirstOrThrow();

export async function openSqlite(o: BenchOptions): Promise<BenchDb> {
  const dataDir = path.join(process.env.DATA_DIR ?? os.tmpdir(), `otklik-bench-${o.rows}`);
  const marker = path.join(dataDir, 'bench.json');
  const made = JSON.stringify({ version: DATA_VERSION, rows: o.rows });
  const reused = o.reuse && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === made;
  if (!reused) fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const { db } = openDb({ dataDir });
  const file = sqliteFile(dataDir);
  if (reused) {
    console.log(`SQLite: reusing ${file}`);
    await migrateTo(db, 'latest'); // indexes added since it was filled
  } else {
    const raw = new SqliteDatabase(file);
    raw.pragma('synchronous = OFF');
    await fill('SQLite', db, sqliteSink(raw), o.rows);
    raw.close();
    fs.writeFileSync(marker, made);
  }
  const t = performance.now();
  await sql`ANALYZE`.execute(db);
  console.log(`SQLite: ANALYZE ${seconds(t)}; file ${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MB (${dataDir})`);
  return {
    db,
    department: await departmentOf(db),
    close: async () => {
      await db.destroy();
      if (!o.keep && !o.reuse) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function openPostgres(url: string, o: BenchOptions): Promise<BenchDb> {
  // A schema of its own, dropped after the run; with --reuse a named one, kept for the next run.
  const schema = o.reuse ? `otklik_bench_${o.rows}` : `bench_${process.pid}`;
  const made = `${DATA_VERSION} ${o.rows}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const found = await admin.query<{ made: string | null }>(
    `SELECT obj_description(oid, 'pg_namespace') AS made FROM pg_namespace WHERE nspname = $1`,
    [schema],
  );
  const reused = found.rows[0]?.made === made;
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    options: `-c search_path=${schema} -c maintenance_work_mem=512MB`,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  if (reused) {
    console.log(`PostgreSQL: reusing schema ${schema}`);
    await migrateTo(db, 'latest', schema);
  } else {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query(`CREATE SCHEMA ${schema}`);
    const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
    await client.connect();
    await fill(`PostgreSQL (schema ${schema})`, db, postgresSink(client), o.rows, schema);
    await client.end();
    await admin.query(`COMMENT ON SCHEMA ${schema} IS '${made}'`);
  }
  const t = performance.now();
  for (const table of ['submissions', 'reviews', 'complaints', 'complaint_steps', 'submission_events'])
    await admin.query(`VACUUM ANALYZE ${schema}.${table}`);
  console.log(`PostgreSQL: VACUUM ANALYZE ${seconds(t)}`);
  return {
    db,
    department: await departmentOf(db),
    close: async () => {
      await db.destroy();
      if (!o.keep && !o.reuse) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}
