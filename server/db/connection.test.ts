import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../env.ts';
import { type Db, forgetOldPages, openDb, sqliteFile } from './connection.ts';

let dbs: Db[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const db of dbs) await db.destroy();
  dbs = [];
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const synchronousOf = async (options: Parameters<typeof openDb>[0]) => {
  const { db } = openDb(options);
  dbs.push(db);
  const { rows } = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(db);
  return rows[0]!.synchronous;
};

describe('SQLITE_SYNCHRONOUS', () => {
  it('is NORMAL by default and FULL when asked (SQLite: 1 = NORMAL, 2 = FULL)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-sync-'));
    dirs.push(dataDir);
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.sqliteSynchronous).toBe('NORMAL');
    expect(await synchronousOf({ dataDir, synchronous: config.sqliteSynchronous })).toBe(1);
    const full = loadConfig({ DATA_DIR: dataDir, SQLITE_SYNCHRONOUS: 'full' });
    expect(full.sqliteSynchronous).toBe('FULL');
    expect(await synchronousOf({ dataDir, synchronous: full.sqliteSynchronous })).toBe(2);
  });

  it('refuses any other value, naming the variable', () => {
    expect(() => loadConfig({ SQLITE_SYNCHRONOUS: 'OFF' })).toThrow(ConfigError);
    expect(() => loadConfig({ SQLITE_SYNCHRONOUS: 'OFF' })).toThrow(/SQLITE_SYNCHRONOUS/);
  });
});

describe('emptying the WAL after an erasure (SQLite)', () => {
  it('waits while another connection reads, says so if it never lets go, and empties it once it does', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-wal-'));
    dirs.push(dataDir);
    const writer = openDb({ dataDir }).db;
    dbs.push(writer);
    await sql`CREATE TABLE t (x TEXT)`.execute(writer);
    await sql`INSERT INTO t VALUES ('Лоськова Галина')`.execute(writer);
    const wal = () => fs.statSync(`${sqliteFile(dataDir)}-wal`).size;
    // Another process reading (the server beside the CLI): a read snapshot held open.
    const reader = new SqliteDatabase(sqliteFile(dataDir));
    reader.exec('BEGIN');
    reader.prepare('SELECT x FROM t').all();
    await sql`UPDATE t SET x = ''`.execute(writer);
    expect(await forgetOldPages(writer, 200)).toBe(false);
    expect(wal()).toBeGreaterThan(0);
    // Let go within the wait: the checkpoint is asked again and goes through.
    setTimeout(() => reader.exec('COMMIT'), 100);
    expect(await forgetOldPages(writer, 3000)).toBe(true);
    reader.close();
    expect(wal()).toBe(0);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('a PostgreSQL connection lost while idle', () => {
  it('is replaced when next needed, and told, instead of ending the process', async () => {
    const url = process.env.TEST_DATABASE_URL!;
    const lost: Error[] = [];
    const { db } = openDb({ databaseUrl: url, dataDir: os.tmpdir(), onConnectionLost: (err) => lost.push(err) });
    dbs.push(db);
    const pidOf = async () => (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db)).rows[0]!.pid;
    const first = await pidOf(); // the pool's one connection, now idle
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend($1)', [first]);
    await admin.end();
    for (let i = 0; i < 100 && lost.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(lost).toHaveLength(1);
    expect(await pidOf()).not.toBe(first);
  });

  it('is told, not thrown, when lost while lent out between two statements of a transaction', async () => {
    const url = process.env.TEST_DATABASE_URL!;
    const lost: Error[] = [];
    const { db } = openDb({ databaseUrl: url, dataDir: os.tmpdir(), onConnectionLost: (err) => lost.push(err) });
    dbs.push(db);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const ended = db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx);
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      for (let i = 0; i < 100 && lost.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    });
    await expect(ended).rejects.toThrow();
    await admin.end();
    expect(lost.length).toBeGreaterThan(0);
    expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(db)).rows).toEqual([{ one: 1 }]);
  });
});
