import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { startApp } from '../../server/app.ts';
import type { BusyRetryPolicy } from '../../server/db/busy-retry.ts';
import { openDb, sqliteFile } from '../../server/db/connection.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { loadConfig } from '../../server/env.ts';
import { fakeClock } from './test-app.ts';

/**
 * An app on an SQLite file of its own, with a second, independent connection to the same file:
 * another process as the CLI or a backup would hold it. `busyRetry` shortens the wait for a lock.
 */
export async function buildSqliteApp(options: { busyRetry?: Partial<BusyRetryPolicy> } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-locked-'));
  const { db } = openDb({ dataDir, busyRetry: options.busyRetry });
  await migrateToLatest(db);
  const config = loadConfig({ DATA_DIR: dataDir, QMS_EMAIL: 'smk@example.ru', CAPTCHA: 'off', RATE_LIMIT: '0' });
  const clock = fakeClock();
  let kicks = 0;
  const app = await startApp({ db, config, clock, onMailQueued: () => kicks++ });
  const other = new SqliteDatabase(sqliteFile(dataDir));
  other.pragma('busy_timeout = 0');
  return {
    app,
    db,
    config,
    clock,
    dataDir,
    kicks: () => kicks,
    /** Takes the file's write lock from the other connection; the returned function lets it go. */
    holdWriteLock(): () => void {
      other.exec('BEGIN IMMEDIATE');
      return () => other.exec('COMMIT');
    },
    close: async () => {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      await db.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
