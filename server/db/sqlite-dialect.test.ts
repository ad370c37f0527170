import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Migration, Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openDb } from './connection.ts';

let db: Db | undefined;
let dir: string | undefined;
afterEach(async () => {
  await db?.destroy();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite dialect', () => {
  it('throws the error that ended a transaction SQLite had already rolled back, not «cannot rollback»', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-dialect-'));
    db = openDb({ dataDir: dir }).db;
    await sql`CREATE TABLE t (x INTEGER)`.execute(db);
    // As on a full disk: SQLite rolls the transaction back by itself, then the statement fails.
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const failing = db.transaction().execute(async (trx) => {
      await sql`INSERT INTO t VALUES (1)`.execute(trx);
      await sql`ROLLBACK`.execute(trx);
      throw full;
    });
    await expect(failing).rejects.toBe(full);
    expect((await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(db)).rows[0]!.n).toBe(0);
    // The connection is usable afterwards.
    await db.transaction().execute((trx) => sql`INSERT INTO t VALUES (2)`.execute(trx));
    expect((await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(db)).rows[0]!.n).toBe(1);
  });

  it('runs pending migrations in one transaction: one that fails half-way leaves nothing of any of them', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-dialect-'));
    db = openDb({ dataDir: dir }).db;
    const tables = async () =>
      (
        await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 't_'`.execute(db!)
      ).rows
        .map((r) => r.name)
        .sort();
    const first: Migration = { up: async (k) => void (await sql`CREATE TABLE t1 (x)`.execute(k)) };
    let stopHalfWay = true;
    // As a process killed between a migration's steps: the first step done, the rest never.
    const second: Migration = {
      up: async (k) => {
        await sql`CREATE TABLE t2 (x)`.execute(k);
        await sql`INSERT INTO t1 VALUES (1)`.execute(k);
        if (stopHalfWay) throw new Error('stopped');
        await sql`CREATE TABLE t3 (x)`.execute(k);
      },
    };
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => ({ '1-first': first, '2-second': second }) },
    });
    expect((await migrator.migrateToLatest()).error).toBeInstanceOf(Error);
    expect(await tables()).toEqual([]);
    expect((await sql<{ n: number }>`SELECT count(*) AS n FROM kysely_migration`.execute(db)).rows[0]!.n).toBe(0);
    // The next start migrates from where the file really is.
    stopHalfWay = false;
    const { error, results } = await migrator.migrateToLatest();
    expect(error).toBeUndefined();
    expect(results?.map((r) => r.status)).toEqual(['Success', 'Success']);
    expect(await tables()).toEqual(['t1', 't2', 't3']);
  });
});
