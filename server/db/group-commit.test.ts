import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openDb, sqliteFile } from './connection.ts';

let db: Db | undefined;
let other: SqliteDatabase.Database | undefined;
let dir: string | undefined;
afterEach(async () => {
  other?.close();
  await db?.destroy();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Otklik's connection, and another one that sees only what is committed. */
async function open() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-group-'));
  db = openDb({ dataDir: dir }).db;
  await sql`CREATE TABLE t (x INTEGER)`.execute(db);
  other = new SqliteDatabase(sqliteFile(dir), { readonly: true });
  const seen = () => (other!.prepare('SELECT x FROM t ORDER BY x').all() as Array<{ x: number }>).map((r) => r.x);
  return { db, seen };
}

const insert = (trx: Db, x: number) => sql`INSERT INTO t VALUES (${x})`.execute(trx);

describe('transactions committed together', () => {
  it('acknowledge each transaction only once another connection can read it', async () => {
    const { db, seen } = await open();
    const visibleAtAck = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((x) =>
        db
          .transaction()
          .execute((trx) => insert(trx, x))
          .then(() => seen().includes(x)),
      ),
    );
    expect(visibleAtAck).toEqual([true, true, true, true, true, true]);
    expect(seen()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('undo only the transaction that failed', async () => {
    const { db, seen } = await open();
    const boom = new Error('boom');
    const results = await Promise.allSettled([
      db.transaction().execute((trx) => insert(trx, 1)),
      db.transaction().execute(async (trx) => {
        await insert(trx, 2);
        throw boom;
      }),
      db.transaction().execute((trx) => insert(trx, 3)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBe(boom);
    expect(seen()).toEqual([1, 3]);
  });

  it('commit what came before a statement outside any transaction, before that statement returns', async () => {
    const { db, seen } = await open();
    const first = db.transaction().execute((trx) => insert(trx, 1));
    await insert(db, 2);
    expect(seen()).toEqual([1, 2]);
    await first;
  });

  it('fail every waiting transaction when SQLite rolls back the shared one by itself', async () => {
    const { db, seen } = await open();
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const results = await Promise.allSettled([
      db.transaction().execute((trx) => insert(trx, 1)),
      db.transaction().execute(async (trx) => {
        await insert(trx, 2);
        await sql`ROLLBACK`.execute(trx);
        throw full;
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(seen()).toEqual([]);
    // The connection goes on working.
    await db.transaction().execute((trx) => insert(trx, 3));
    expect(seen()).toEqual([3]);
  });
});
