import type { MonthlyAnalysis, PeriodFigures } from '../../shared/console-reports.ts';
import { type Period, parsePeriod, shiftPeriod } from '../../shared/report-periods.ts';
import { loadCalendar } from '../calendar/calendar-store.ts';
import type { WorkingCalendar } from '../calendar/working-time.ts';
import type { Db } from '../db/connection.ts';
import { addFigures, countFigures } from './month-figures.ts';
import { calendarKey, keptMonth } from './month-store.ts';
import { periodMonths } from './rating-summaries.ts';
import { departmentNames, listedNames } from './report-labels.ts';
import { reportWindow } from './report-window.ts';

interface Counting {
  db: Db;
  cal: WorkingCalendar;
  calendar: string;
  names: Map<string, string>;
  listed: Awaited<ReturnType<typeof listedNames>>;
  now: Date;
  departmentId: string | null;
}

/**
 * One period's figures, counted as they stand at the period's end (or now, while it runs): the
 * sum of its months, each kept once it is over (month-store.ts) and counted afresh while it runs.
 */
async function periodFigures(c: Counting, period: Period): Promise<PeriodFigures> {
  const parts = [];
  for (const { month } of periodMonths(period)) {
    const m = parsePeriod(month)!;
    parts.push(await keptMonth(c.db, c, m, () => countFigures(c.db, c.cal, c.names, c.now, m, c.departmentId)));
  }
  return addFigures(period, parts, c.names, c.listed);
}

/**
 * The monthly analysis (seed 004: monthly reports with the share of loyal clients and deadline
 * compliance; «Анализ обоснованности», «Анализ лояльности») of a month, quarter or year beside
 * the period before it, counted the same way, for the company or one department.
 * @example await monthlyAnalysis(db, clock.now(), parsePeriod('2026-Q4')!, null)
 */
export async function monthlyAnalysis(
  db: Db,
  now: Date,
  period: Period,
  department: { id: string; name: string } | null,
): Promise<MonthlyAnalysis> {
  const c: Counting = {
    db,
    cal: await loadCalendar(db),
    calendar: await calendarKey(db),
    names: await departmentNames(db),
    listed: await listedNames(db),
    now,
    departmentId: department?.id ?? null,
  };
  return {
    asOf: reportWindow(period, now).asOf,
    department,
    current: await periodFigures(c, period),
    previous: await periodFigures(c, shiftPeriod(period, -1)),
  };
}
