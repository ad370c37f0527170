import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../env.ts';
import { type Db, openDb } from './connection.ts';

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
