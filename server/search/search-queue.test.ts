import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { searchCondition } from '../console/search.ts';
import { type Db, openDb, sqliteFile } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { migrations } from '../db/migrations/index.ts';
import type { Database } from '../db/schema.ts';
import { RetryingSqliteDialect } from '../db/sqlite-dialect.ts';
import { searchQueue } from './search-queue.ts';
import { submissionWords } from './submission-words.ts';

let db: Db | undefined;
let dir: string | undefined;
afterEach(async () => {
  await db?.destroy();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function open() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-search-queue-'));
  db = openDb({ dataDir: dir }).db;
  await migrateToLatest(db);
  return db;
}

const insert = (trx: Db, n: number, message: string, name: string | null = null) =>
  trx
    .insertInto('submissions')
    .values({
      id: `id-${n}`,
      number: `2026-${String(n).padStart(5, '0')}`,
      type: 'feedback',
      kind: 'complaint',
      channel: 'site',
      message,
      name,
      lang: 'ru',
      response: '{}',
      created_at: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    } as never)
    .execute();

const found = async (db: Db, q: string) =>
  (await db.selectFrom('submissions').select('id').where(searchCondition(db, q)).orderBy('id').execute()).map(
    (r) => r.id,
  );

/** What another connection finds: the queue, and whether the substring index matches its rows. */
function seenFromOutside(dataDir: string) {
  const file = new SqliteDatabase(sqliteFile(dataDir));
  try {
    file.exec(`INSERT INTO submissions_fts (submissions_fts, rank) VALUES ('integrity-check', 1)`); // throws if not
    file.exec(`INSERT INTO submissions_words (submissions_words) VALUES ('integrity-check')`);
    return {
      queued: file.prepare('SELECT count(*) FROM search_queue').pluck().get(),
      words: file.prepare('SELECT count(*) FROM submissions_words').pluck().get(),
    };
  } finally {
    file.close();
  }
}

describe('SQLite’s search indexes written at the commit', () => {
  it('finds every submission of a group committed together, and only those whose transaction held', async () => {
    const db = await open();
    const results = await Promise.allSettled(
      [1, 2, 3, 4, 5, 6].map((n) =>
        db.transaction().execute(async (trx) => {
          await insert(trx, n, `Жалоба на доставку №${n}`, n === 2 ? 'Лоськова Галина' : null);
          if (n === 4) throw new Error('changed its mind');
        }),
      ),
    );
    expect(results.map((r) => r.status === 'fulfilled')).toEqual([true, true, true, false, true, true]);
    expect(await found(db, 'доставки')).toEqual(['id-1', 'id-2', 'id-3', 'id-5', 'id-6']); // words
    expect(await found(db, 'ставку №4')).toEqual([]); // substrings
    expect(await found(db, 'ставку №5')).toEqual(['id-5']);
    expect(await found(db, 'Лоськовой')).toEqual(['id-2']);
    expect(seenFromOutside(dir!)).toEqual({ queued: 0, words: 5 });
  });

  it('indexes a row as it is at the commit when it is edited or deleted in the transaction that made it', async () => {
    const db = await open();
    await db.transaction().execute(async (trx) => {
      await insert(trx, 1, 'Курьер опоздал');
      await insert(trx, 2, 'Курьер нагрубил');
      await trx.updateTable('submissions').set({ message: 'Спасибо курьеру' }).where('id', '=', 'id-1').execute();
      await trx.deleteFrom('submissions').where('id', '=', 'id-2').execute();
    });
    expect(await found(db, 'опоздал')).toEqual([]);
    expect(await found(db, 'нагрубил')).toEqual([]);
    expect(await found(db, 'спасибо курьеру')).toEqual(['id-1']);
    expect(seenFromOutside(dir!)).toEqual({ queued: 0, words: 1 });
  });

  it('takes an indexed row out and back in when a later edit changes it, and out when it is deleted', async () => {
    const db = await open();
    await insert(db, 1, 'Курьер опоздал', 'Лоськова Галина'); // outside a transaction: indexed at once
    expect(await found(db, 'Лоськовой')).toEqual(['id-1']);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('submissions').set({ name: 'Бадыштова Ксения' }).where('id', '=', 'id-1').execute();
      await trx
        .updateTable('submissions')
        .set({ message: 'Курьер приехал вовремя' })
        .where('id', '=', 'id-1')
        .execute();
    });
    expect(await found(db, 'Лоськовой')).toEqual([]);
    expect(await found(db, 'опоздал')).toEqual([]);
    expect(await found(db, 'Бадыштовой')).toEqual(['id-1']);
    expect(await found(db, 'вовремя')).toEqual(['id-1']);
    expect(seenFromOutside(dir!)).toEqual({ queued: 0, words: 1 });
    await db.deleteFrom('submissions').where('id', '=', 'id-1').execute();
    expect(await found(db, 'вовремя')).toEqual([]);
    expect(seenFromOutside(dir!)).toEqual({ queued: 0, words: 0 });
  });

  it('keeps both indexes whole across the migration and back', async () => {
    const db = await open();
    await insert(db, 1, 'Жалоба на 1С');
    const names = Object.keys(migrations).sort();
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo(names[names.indexOf('2026-12-13-search-at-commit') - 1]!)).error).toBeUndefined();
    expect(await found(db, '1С')).toEqual(['id-1']);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    await insert(db, 2, 'Предложение по 1С');
    expect(await found(db, '1С')).toEqual(['id-1', 'id-2']);
    expect(seenFromOutside(dir!)).toEqual({ queued: 0, words: 2 });
  });

  it('writes the words a rating change took out of the index before the queue (2026-12-15-search-words-gaps)', async () => {
    const db = await open();
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('2026-12-12-report-months')).error).toBeUndefined();
    // As the code before the queue wrote a submission: the row, then its words.
    const insertAsBefore = (n: number, message: string, name: string | null) =>
      db.transaction().execute(async (trx) => {
        await insert(trx, n, message, name);
        const words = submissionWords({ message, name, organization: null, inn: null });
        await sql`INSERT INTO submissions_words (rowid, words) SELECT rowid, ${words} FROM submissions WHERE id = ${`id-${n}`}`.execute(
          trx,
        );
      });
    await insertAsBefore(1, 'Курьер опоздал', 'Лоськова Галина');
    await insertAsBefore(2, 'Спасибо за доставку', null);
    // Its rating changed by the client: the words trigger took the row out, and nothing put it back.
    await db.updateTable('submissions').set({ message: 'Доставка задержалась' }).where('id', '=', 'id-1').execute();
    expect(await found(db, 'доставки')).toEqual(['id-2']);

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await found(db, 'доставки')).toEqual(['id-1', 'id-2']);
    expect(await found(db, 'Лоськовой')).toEqual(['id-1']);
    expect(await found(db, 'опоздал')).toEqual([]);
    expect(seenFromOutside(dir!)).toEqual({ queued: 0, words: 2 });
  });

  it('answers a write outside a transaction as stored when another process holds the lock its indexing needs', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-search-queue-'));
    const made = openDb({ dataDir: dir }).db;
    await migrateToLatest(made);
    await made.destroy();
    const file = new SqliteDatabase(sqliteFile(dir));
    file.pragma('busy_timeout = 0'); // as openDb's: locks are waited for by the dialect
    const cli = new SqliteDatabase(sqliteFile(dir));
    cli.pragma('busy_timeout = 0');
    const queue = searchQueue(file);
    let grab = true;
    // The CLI takes the write lock right after this server's write committed by itself.
    const work = {
      due: () => {
        const due = queue.due();
        if (due && grab) {
          grab = false;
          cli.exec('BEGIN IMMEDIATE');
        }
        return due;
      },
      run: () => queue.run(),
    };
    db = new Kysely<Database>({
      dialect: new RetryingSqliteDialect(file, { policy: { budgetMs: 100 }, beforeCommit: work }),
    });
    try {
      await insert(db, 1, 'Курьер опоздал');
    } finally {
      cli.exec('ROLLBACK');
      cli.close();
    }
    // Stored and queued, so in neither index yet; the next commit indexes it.
    expect(file.prepare('SELECT count(*) FROM search_queue').pluck().get()).toBe(1);
    await insert(db, 2, 'Курьер не приехал');
    expect(await found(db, 'курьер')).toEqual(['id-1', 'id-2']);
    expect(seenFromOutside(dir)).toEqual({ queued: 0, words: 2 });
  });

  it('indexes at start what another program wrote, queued and never indexed', async () => {
    const db = await open();
    const other = new SqliteDatabase(sqliteFile(dir!));
    try {
      other
        .prepare(
          `INSERT INTO submissions (id, number, type, kind, channel, message, lang, response, created_at)
           VALUES ('id-1', '2026-00001', 'feedback', 'complaint', 'site', 'Курьер опоздал', 'ru', '{}', '2026-01-01T00:00:00.000Z')`,
        )
        .run();
    } finally {
      other.close();
    }
    expect(await found(db, 'курьер')).toEqual([]);
    await migrateToLatest(db); // as the server and the CLI start
    expect(await found(db, 'курьер')).toEqual(['id-1']);
    expect(seenFromOutside(dir!)).toEqual({ queued: 0, words: 1 });
  });
});
