import { afterEach, describe, expect, it } from 'vitest';
import type { MonthlyAnalysis } from '../../shared/console-reports.ts';
import { parsePeriod } from '../../shared/report-periods.ts';
import { DB_KINDS } from '../../test/support/databases.ts';
import { loadCalendar, setCalendarDay } from '../calendar/calendar-store.ts';
import { consoleHarness, type Harness } from '../console/testing/harness.ts';
import { countFigures } from './month-figures.ts';
import { calendarKey, keptMonth } from './month-store.ts';
import { monthlyAnalysis } from './monthly-analysis.ts';
import { departmentNames } from './report-labels.ts';
import { november, setClock } from './testing/fixtures.ts';

let h: Harness;
afterEach(async () => h?.close());

const kept = () =>
  h.db.selectFrom('report_months').select(['month', 'department_id', 'stale', 'figures']).orderBy('month').execute();

/** The analysis as the kept months give it, and as counted from the rows with nothing kept. */
async function keptAndCounted(key: string, department: { id: string; name: string } | null) {
  const got = await monthlyAnalysis(h.db, h.clock.now(), parsePeriod(key)!, department);
  const keptRows = await h.db.selectFrom('report_months').selectAll().execute();
  await h.db.deleteFrom('report_months').execute();
  const counted = await monthlyAnalysis(h.db, h.clock.now(), parsePeriod(key)!, department);
  // Put the kept months back, so the next step reads them again rather than counting afresh.
  await h.db.deleteFrom('report_months').execute();
  if (keptRows.length) await h.db.insertInto('report_months').values(keptRows).execute();
  return { got, counted };
}

const closedOf = (a: MonthlyAnalysis) => a.current.closed;

for (const kind of DB_KINDS) {
  describe(`the months kept for the period analysis (${kind})`, () => {
    it('keeps only ended months, and counts a kept month again after any write that changes it', async () => {
      h = await consoleHarness(kind);
      const f = await november(h); // the clock stops at 2.12.2026 12:00
      const dks = { id: f.dep.dks, name: 'ДКС' };
      const first = await monthlyAnalysis(h.db, h.clock.now(), parsePeriod('2026-Q4')!, null);
      await monthlyAnalysis(h.db, h.clock.now(), parsePeriod('2026-Q4')!, dks);
      // October and November (and the quarter before's three) kept, for the company and for ДКС; December still runs.
      const rows = await kept();
      expect(rows.filter((r) => r.department_id === '').map((r) => r.month)).toEqual([
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
        '2026-11',
      ]);
      expect(rows.every((r) => r.stale === 0 && r.figures !== null)).toBe(true);
      expect((await keptAndCounted('2026-Q4', null)).got).toEqual(first);

      let late = '';
      const changes: Array<[string, () => Promise<unknown>, (a: MonthlyAnalysis) => unknown]> = [
        [
          'a rating dated in November',
          async () => {
            setClock(h, '2026-11-20 12:00');
            await h.rating({ employee: 'petrova', score: 5 });
            setClock(h, '2026-12-02 12:00');
          },
          (a) => a.current.received.total,
        ],
        [
          'a letter of November registered in December',
          async () => {
            late = await f.register(f.dep.dks, 'letter', '2026-11-30 17:50');
          },
          (a) => a.current.received.byChannel,
        ],
        [
          'that letter moved to another department',
          () => f.reassign(late, f.dep.logistics),
          (a) => a.current.received.total,
        ],
        [
          'an answer changed at the SQL prompt',
          () => h.db.updateTable('complaints').set({ satisfied: 0 }).where('submission_id', '=', f.D).execute(),
          (a) => closedOf(a).satisfied,
        ],
        ['a late step done', () => f.step(f.A, '1.3', '2026-12-01 10:00'), (a) => a.current.compliance],
        [
          'a closed complaint moved to another department',
          () => f.reassign(f.K, f.dep.logistics),
          (a) => closedOf(a).count,
        ],
        [
          'a working day made a day off',
          () => setCalendarDay(h.db, h.clock, 'cli', { day: '2026-11-25', type: 'off' }),
          (a) => closedOf(a).averageDays,
        ],
      ];
      for (const department of [null, dks]) {
        await monthlyAnalysis(h.db, h.clock.now(), parsePeriod('2026-Q4')!, department);
      }
      for (const [what, change, figure] of changes) {
        const before = {
          all: await monthlyAnalysis(h.db, h.clock.now(), parsePeriod('2026-Q4')!, null),
          dks: await monthlyAnalysis(h.db, h.clock.now(), parsePeriod('2026-Q4')!, dks),
        };
        await change();
        const all = await keptAndCounted('2026-Q4', null);
        const one = await keptAndCounted('2026-Q4', dks);
        expect(all.got, what).toEqual(all.counted);
        expect(one.got, what).toEqual(one.counted);
        // Each change moves a figure of the company's or ДКС's quarter: the test sees a real change.
        const moved =
          figure(all.got) !== undefined && JSON.stringify(figure(all.got)) !== JSON.stringify(figure(before.all));
        const movedDks = JSON.stringify(figure(one.got)) !== JSON.stringify(figure(before.dks));
        expect(moved || movedDks, what).toBe(true);
      }
    });

    it('does not keep figures that a write overtook while they were counted', async () => {
      h = await consoleHarness(kind);
      const f = await november(h);
      const month = parsePeriod('2026-11')!;
      const at = { calendar: await calendarKey(h.db), now: h.clock.now(), departmentId: null };
      const count = async () =>
        countFigures(h.db, await loadCalendar(h.db), await departmentNames(h.db), h.clock.now(), month, null);
      const overtaken = await keptMonth(h.db, at, month, async () => {
        const figures = await count();
        await h.db.updateTable('complaints').set({ loyal: 0 }).where('submission_id', '=', f.D).execute();
        return figures;
      });
      expect(await kept()).toEqual([{ month: '2026-11', department_id: '', stale: 1, figures: null }]);
      let counted = 0;
      const next = await keptMonth(h.db, at, month, async () => {
        counted++;
        return count();
      });
      expect(counted).toBe(1);
      expect(next.closed.groups).not.toEqual(overtaken.closed.groups);
      expect((await kept())[0]).toMatchObject({ stale: 0 });
      // Kept now: read back without counting.
      await keptMonth(h.db, at, month, async () => {
        counted++;
        return count();
      });
      expect(counted).toBe(1);
    });
  });
}
