import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { Kysely, SqliteDialect } from 'kysely';
import { databaseLabel } from './db/connection.ts';
import { migrations } from './db/migrations/index.ts';
import { dropTestSchema } from '../test/support/databases.ts';

// The CLI as an operator runs it: a real process in a folder of its own, configured only by that
// folder's .env and the environment given here (none of the test runner's database variables).
const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const cli = path.join(root, 'server/cli.ts');
const pgUrl = process.env.TEST_DATABASE_URL;

let folder: string;
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));
const newFolder = () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-cli-'));
  return folder;
};

async function run(args: string[], env: Record<string, string> = {}) {
  const { DATABASE_URL: _u, DATA_DIR: _d, TEST_DATABASE_URL: _t, ...rest } = process.env;
  try {
    const r = await promisify(execFile)(tsx, [cli, ...args], { cwd: folder, env: { ...rest, ...env } });
    return { code: 0, stderr: r.stderr, stdout: r.stdout };
  } catch (err) {
    const e = err as { code: number; stderr: string; stdout: string };
    return { code: e.code, stderr: e.stderr, stdout: e.stdout };
  }
}

// Each run starts tsx afresh (a few seconds on a busy machine).
describe('the CLI finds the server’s database', { timeout: 60_000 }, () => {
  it('refuses to make a new empty SQLite database, saying where it looked; migrate makes one', async () => {
    newFolder();
    const refused = await run(['user', 'list']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('База данных: SQLite ./data/otklik.sqlite');
    expect(refused.stderr).toContain('не создаёт новую пустую');
    expect(refused.stderr).toContain('never creates an empty one');
    expect(refused.stderr).toContain('файл .env не найден');
    expect(fs.existsSync(path.join(folder, 'data'))).toBe(false);

    // A word too many, or no command at all, is a mistake a script sees; nothing is made of it.
    const extra = await run(['migrate', '--foo']);
    expect([extra.code, extra.stderr.split('\n')[0]]).toEqual([2, 'migrate takes no arguments: --foo']);
    expect((await run([])).code).toBe(2);
    expect((await run(['help'])).code).toBe(0);
    expect(fs.existsSync(path.join(folder, 'data'))).toBe(false);

    const migrated = await run(['migrate']);
    expect(migrated.code).toBe(0);
    expect(fs.existsSync(path.join(folder, 'data/otklik.sqlite'))).toBe(true);
    expect((await run(['user', 'list'])).code).toBe(0);
  });

  it('migrates only when asked: after an update another command refuses, and a newer schema is named', async () => {
    newFolder();
    expect((await run(['migrate'])).code).toBe(0);
    const file = path.join(folder, 'data/otklik.sqlite');
    const Database = (await import('better-sqlite3')).default;
    const edit = (statement: string) => {
      const db = new Database(file);
      db.exec(statement);
      db.close();
    };
    // As if the code were updated while the old version's instances still run on this database:
    // the latest migration taken back.
    const last = Object.keys(migrations).sort().at(-1)!;
    const kysely = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(file) }) });
    await migrations[last]!.down!(kysely);
    await kysely.destroy();
    edit(`DELETE FROM kysely_migration WHERE name = '${last}'`);
    const behind = await run(['user', 'list']);
    expect(behind.code).toBe(1);
    expect(behind.stderr).toContain('остановите все экземпляры и выполните npm run cli -- migrate');
    expect(behind.stderr).toContain(`Not applied: ${last}`);
    const stillBehind = new Database(file).prepare(`SELECT count(*) AS n FROM kysely_migration WHERE name = ?`);
    expect((stillBehind.get(last) as { n: number }).n).toBe(0);
    expect((await run(['migrate'])).stderr).toContain(`Applied: ${last}`);
    // A newer version migrated it: said in words, by the command and by migrate alike.
    edit(`INSERT INTO kysely_migration (name, timestamp) VALUES ('2099-01-01-future', '2099-01-01T00:00:00.000Z')`);
    for (const args of [['user', 'list'], ['migrate']]) {
      const newer = await run(args);
      expect(newer.code, args.join(' ')).toBe(1);
      expect(newer.stderr).toContain('The database was migrated by a newer version of Otklik (2099-01-01-future)');
    }
  });

  it('reads the folder’s .env, and a real environment variable wins over it', async () => {
    newFolder();
    fs.writeFileSync(
      path.join(folder, '.env'),
      '# the server’s settings\nDATA_DIR=./srv\nCOMPANY_NAME="ООО «Ромашка»"\n',
    );
    expect((await run(['migrate'])).stderr).toContain('База данных: SQLite ./srv/otklik.sqlite');
    const added = await run([
      'employee',
      'add',
      '--slug',
      'ivanov',
      '--name',
      'Иванов Иван',
      '--manager-email',
      'b@example.ru',
    ]);
    expect(added.code).toBe(0);
    expect(added.stderr).toContain('База данных: SQLite ./srv/otklik.sqlite\nСотрудник ivanov добавлен');

    const other = await run(['user', 'list'], { DATA_DIR: './elsewhere' });
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('База данных: SQLite ./elsewhere/otklik.sqlite');
    expect(other.stderr).toContain('файл .env прочитан');
  });

  it.skipIf(!pgUrl)('refuses an empty PostgreSQL database and never prints the password', async () => {
    newFolder();
    const schema = `cli_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      const url = new URL(pgUrl!);
      url.password = 's3cret';
      url.searchParams.set('options', `-c search_path=${schema}`);
      const r = await run(['user', 'list'], { DATABASE_URL: url.toString() });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`База данных: PostgreSQL postgres://${url.username}@${url.host}${url.pathname}`);
      expect(r.stderr).toContain('Базы данных Otklik здесь нет');
      expect(r.stderr).not.toContain('s3cret');
      const tables = await admin.query(
        'SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1',
        [schema],
      );
      expect(tables.rows[0].n).toBe(0);
    } finally {
      await dropTestSchema(admin, schema);
      await admin.end();
    }
  });
  it('answers a person’s request: his data as JSON, an erase only with --yes', async () => {
    newFolder();
    await run(['migrate']);
    const exported = await run(['person', 'export', '--phone', '8 951 511-35-23']);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual({ key: { phone: '+79515113523' }, submissions: [], emails: [] });
    const unconfirmed = await run(['person', 'erase', '--email', 'galina@example.ru']);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toContain('Add --yes to erase');
    const erased = await run(['person', 'erase', '--email', 'galina@example.ru', '--yes']);
    expect(erased.code).toBe(0);
    expect(erased.stderr).toContain('Erased: personal fields of 0 submission(s)');
    expect((await run(['person', 'erase', '--yes'])).code).toBe(2);
    const wrong = await run(['person', 'export', '--phone', '12']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--phone: not a phone number');
  });
});

describe('databaseLabel', () => {
  it('names the SQLite file relative to the folder, and PostgreSQL without its password', () => {
    expect(databaseLabel({ dataDir: './data' })).toBe('SQLite ./data/otklik.sqlite');
    expect(databaseLabel({ dataDir: '/srv/otklik' })).toBe('SQLite /srv/otklik/otklik.sqlite');
    expect(
      databaseLabel({ dataDir: '', databaseUrl: 'postgres://otklik:pa55@db.local:5432/otklik?sslmode=require' }),
    ).toBe('PostgreSQL postgres://otklik@db.local:5432/otklik');
  });
});
