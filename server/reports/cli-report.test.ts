import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import readExcelFile from 'read-excel-file/node';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeClock } from '../../test/support/test-app.ts';
import { openTestDb, type TestDb } from '../../test/support/databases.ts';
import { saveEmployee } from '../directory/store.ts';
import { type CliReportBuilders, reportCommands } from './cli-report.ts';
import { monthlyFixture, weeklyFixture } from './export/testing/report-fixtures.ts';

let db: TestDb | undefined;
let folder: string;
afterEach(async () => {
  await db?.close();
  db = undefined;
  fs.rmSync(folder, { recursive: true, force: true });
});

/** The commands on a fresh database with a department ДКС, builders answering the fixtures and noting what they were asked. */
async function setUp(builders = true) {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-report-'));
  db = await openTestDb('sqlite');
  const clock = fakeClock();
  await saveEmployee(db.db, clock, {
    slug: 'ivanov',
    name: 'Иванов Иван',
    department: 'ДКС',
    managerEmail: 'b@example.ru',
  });
  const asked: Array<[string, string, string | null]> = [];
  const build: CliReportBuilders = {
    weekly: async (_db, _now, p, d) => {
      asked.push(['weekly', p.key, d?.name ?? null]);
      return weeklyFixture();
    },
    monthly: async (_db, _now, p, d) => {
      asked.push(['monthly', p.key, d?.name ?? null]);
      return monthlyFixture();
    },
  };
  const commands = reportCommands(builders ? build : null, clock, () => 'https://otklik.example.ru');
  const run = (report: 'weekly' | 'monthly', args: string[]) => commands[`report ${report}`]({ db: db!.db, args });
  return { run, asked, file: (name: string) => path.join(folder, name) };
}

describe('npm run cli -- report', () => {
  it('writes the monthly analysis as XLSX for a month, quarter or year, of a department by name or id', async () => {
    const { run, asked, file } = await setUp();
    const out = file('october.xlsx');
    const done = await run('monthly', ['--month', '2026-10', '--format', 'xlsx', '--out', out]);
    expect(done).toEqual({
      failed: false,
      text: expect.stringMatching(
        /^Wrote .*october\.xlsx \(XLSX, \d+ bytes\): monthly report for 2026-10, the whole company\.$/,
      ),
    });
    const sheets = await readExcelFile(fs.readFileSync(out));
    expect(sheets[0]!.data[2]).toEqual(['Жалоба', 12, 6]);

    const id = (await db!.db.selectFrom('departments').select('id').executeTakeFirstOrThrow()).id;
    expect(
      (await run('monthly', ['--period', '2026-Q4', '--department', 'ДКС', '--out', file('q4.xlsx')])).failed,
    ).toBe(false);
    expect((await run('monthly', ['--period', '2026', '--department', id, '--out', file('y.csv')])).failed).toBe(false);
    expect(asked).toEqual([
      ['monthly', '2026-10', null],
      ['monthly', '2026-Q4', 'ДКС'],
      ['monthly', '2026', 'ДКС'],
    ]);
    expect(fs.readFileSync(file('y.csv')).subarray(0, 3).toString('hex')).toBe('efbbbf');
  });

  it('writes the weekly control as CSV, the format taken from --out, with links to the cards', async () => {
    const { run, asked, file } = await setUp();
    expect((await run('weekly', ['--week', '2026-W44', '--out', file('w44.csv')])).failed).toBe(false);
    expect(asked).toEqual([['weekly', '2026-W44', null]]);
    expect(fs.readFileSync(file('w44.csv'), 'utf8')).toContain('https://otklik.example.ru/admin/submissions/sub-1');
  });

  it.each([
    ['monthly', ['--month', '2026-13', '--out', 'x.xlsx'], '--month "2026-13" is not a month (like 2026-10)'],
    ['monthly', ['--month', '2026-Q4', '--out', 'x.xlsx'], '--month "2026-Q4" is not a month (like 2026-10)'],
    [
      'monthly',
      ['--period', '2026-W44', '--out', 'x.xlsx'],
      'is not a month, quarter or year (like 2026-10, 2026-Q4 or 2026)',
    ],
    ['monthly', ['--out', 'x.xlsx'], 'give --month or --period'],
    ['monthly', ['--month', '2026-10', '--period', '2026', '--out', 'x.xlsx'], 'give --month or --period'],
    ['weekly', ['--week', '2026-10', '--out', 'x.csv'], '--week "2026-10" is not a week (like 2026-W44)'],
    ['weekly', ['--week', '2026-W54', '--out', 'x.csv'], 'is not a week'],
    ['weekly', ['--week', '2026-W44'], '--out FILE is required'],
    [
      'weekly',
      ['--week', '2026-W44', '--out', 'x.pdf'],
      'x.pdf ends in neither .csv nor .xlsx: name the file so, or give --format csv|xlsx',
    ],
    ['weekly', ['--week', '2026-W44', '--out', 'x.csv', '--format', 'ods'], '--format must be csv or xlsx'],
    ['weekly', ['--week', '2026-W44', '--out', 'x.csv', '--colour', 'red'], "Unknown option '--colour'"],
    ['weekly', ['--week', '2026-W44', '--out', 'x.csv', '--department', 'Бухгалтерия'], 'no department "Бухгалтерия"'],
    ['weekly', ['--week', '2026-W44', '--out', '/nonexistent/dir/x.csv'], "can't write /nonexistent/dir/x.csv"],
  ] as const)('refuses %s %j with a clear message and exit code 1', async (report, args, message) => {
    const { run, asked } = await setUp();
    const r = (await run(report, [...args]))!;
    expect(r.failed).toBe(true);
    expect(r.text).toContain(`report ${report}: `);
    expect(r.text).toContain(message);
    if (!message.startsWith("can't")) expect(asked).toEqual([]);
  });

  it('fails plainly in a build without the report builders', async () => {
    const { run, file } = await setUp(false);
    const r = await run('weekly', ['--week', '2026-W44', '--out', file('x.csv')]);
    expect(r).toEqual({ failed: true, text: 'This build has no report builders: the reports are not wired in.' });
    expect(fs.existsSync(file('x.csv'))).toBe(false);
  });
});

describe('the report command in the real CLI', { timeout: 60_000 }, () => {
  it('exits with 1 and says why on a bad period', async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-report-cli-'));
    const root = path.resolve(import.meta.dirname, '../..');
    const { DATABASE_URL: _u, DATA_DIR: _d, TEST_DATABASE_URL: _t, ...env } = process.env;
    const cli = (args: string[]) =>
      promisify(execFile)(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'server/cli.ts'), ...args], {
        cwd: folder,
        env,
      }).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
      );
    expect((await cli(['migrate'])).code).toBe(0);
    const r = await cli(['report', 'monthly', '--month', '2026-13', '--format', 'xlsx', '--out', 'x.xlsx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('report monthly: --month "2026-13" is not a month (like 2026-10)');
    expect(fs.existsSync(path.join(folder, 'x.xlsx'))).toBe(false);
  });
});
