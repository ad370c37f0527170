import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDb, type TestDb } from '../../test/support/databases.ts';
import { fakeClock } from '../../test/support/test-app.ts';
import { calendarDeadline, calendarImport } from './cli-commands.ts';

let t: TestDb;
afterEach(async () => t?.close());
const clock = fakeClock();

function file(name: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-calendar-'));
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

for (const kind of DB_KINDS) {
  describe(`calendar commands (${kind})`, () => {
    it('deadline: prints the instant with the company offset, warns about a year without data', async () => {
      t = await openTestDb(kind);
      const deadline = (...args: string[]) => calendarDeadline(t.db, args);
      expect(await deadline('--from', '2026-02-20T17:30:00+03:00', '--working-hours', '1')).toEqual({
        deadline: '2026-02-24T09:30:00+03:00',
        warnings: [],
      });
      expect((await deadline('--from', '2026-02-20T14:30:00Z', '--working-days', '3')).deadline).toBe(
        '2026-02-26T18:00:00+03:00',
      );
      const late = await deadline('--from', '2026-12-30T17:30:00+03:00', '--working-days', '3');
      // 31 December off by the 2026 decree, 1–8 January by the Labour Code.
      expect(late.deadline).toBe('2027-01-13T18:00:00+03:00');
      expect(late.warnings).toEqual([expect.stringContaining('the production calendar for 2027 is not loaded')]);
    });

    it('deadline: clear usage errors', async () => {
      t = await openTestDb(kind);
      const deadline = (...args: string[]) => calendarDeadline(t.db, args);
      await expect(deadline('--working-hours', '1')).rejects.toThrow('--from is required');
      await expect(deadline('--from', '2026-02-20 17:30', '--working-hours', '1')).rejects.toThrow(
        '--from must be an ISO instant with its offset',
      );
      await expect(deadline('--from', '2026-02-20T17:30:00+03:00')).rejects.toThrow(
        'give either --working-hours N or --working-days N',
      );
      await expect(
        deadline('--from', '2026-02-20T17:30:00+03:00', '--working-hours', '1', '--working-days', '1'),
      ).rejects.toThrow('give either');
      await expect(deadline('--from', '2026-02-20T17:30:00+03:00', '--working-days', '1.5')).rejects.toThrow(
        '--working-days must be a whole number',
      );
      await expect(deadline('--from', '2026-02-20T17:30:00+03:00', '--working-hours', '-1')).rejects.toThrow();
      await expect(deadline('--from', '2026-02-20T17:30:00+03:00', '--working-hours', '99999')).rejects.toThrow(
        '--working-hours must be a number from 0 to 10000',
      );
    });

    it('import: a CSV in Russian with a BOM enters the days, audited; the deadline follows them', async () => {
      t = await openTestDb(kind);
      const csv = file(
        'calendar.csv',
        '\uFEFFдата;тип;примечание\n2027-01-01;выходной;Новый год\n2027-01-04;Выходной;\n2026-06-20;рабочий;Отработка\n',
      );
      expect(await calendarImport(t.db, clock, [csv])).toEqual({
        text: 'Calendar imported: 3 day(s) added, 0 changed, 0 already so.',
        failed: false,
      });
      expect(await t.db.selectFrom('calendar_days').select(['day', 'type', 'note']).orderBy('day').execute()).toEqual([
        { day: '2026-06-20', type: 'work', note: 'Отработка' },
        { day: '2027-01-01', type: 'off', note: 'Новый год' },
        { day: '2027-01-04', type: 'off', note: null },
      ]);
      const [line] = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'calendar.import').execute();
      expect(line).toMatchObject({ user_id: null });
      expect(JSON.parse(line!.details)).toMatchObject({ file: 'calendar.csv', added: 3, via: 'cli' });
      const json = file(
        'calendar.json',
        '[{"day":"2027-01-01","type":"off","note":"Новый год"},{"day":"2027-01-04","type":"short"}]',
      );
      expect((await calendarImport(t.db, clock, [json])).text).toBe(
        'Calendar imported: 0 day(s) added, 1 changed, 1 already so.',
      );
      // The 4th made a short working day by the company: it counts, the 5th–8th stay off by law.
      const after = await calendarDeadline(t.db, ['--from', '2026-12-30T17:30:00+03:00', '--working-days', '3']);
      expect(after.deadline).toBe('2027-01-12T18:00:00+03:00');
      expect(after.warnings).toEqual([expect.stringContaining("the Labour Code's holidays and the 2 day(s) entered")]);
    });

    it('import: a file with bad lines imports nothing and names each line', async () => {
      t = await openTestDb(kind);
      const csv = file(
        'bad.csv',
        'day,type,note\n2026-06-15,off,ok\n2026-02-30,off,\n2026-06-16,holiday,\n2026-06-15,work,\n',
      );
      const r = await calendarImport(t.db, clock, [csv]);
      expect(r.failed).toBe(true);
      expect(r.text.split('\n')).toEqual([
        'Nothing imported: 3 bad line(s).',
        '  line 3: day: give a date as YYYY-MM-DD',
        '  line 4: type: off, work or short (выходной, рабочий, сокращённый)',
        '  line 5: day: 2026-06-15 is already given on line 2',
      ]);
      expect(await t.db.selectFrom('calendar_days').selectAll().execute()).toEqual([]);
      await expect(calendarImport(t.db, clock, [])).rejects.toThrow('name one file');
      await expect(calendarImport(t.db, clock, ['/nope/calendar.csv'])).rejects.toThrow('no such file');
    });
  });
}
