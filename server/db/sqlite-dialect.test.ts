import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
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
});
