// The reports of issue 11 over the benchmark's data: the weekly control of a week and the monthly
// analysis of a month, a quarter and a year (each beside the period before it), for the whole
// company and for one department, as a handler sees them.
import type { MonthlyAnalysis, WeeklyControl } from '../../shared/console-reports.ts';
import { type Period, parsePeriod } from '../../shared/report-periods.ts';
import type { Db } from '../../server/db/connection.ts';
import { type Timing, time } from './timing.ts';

type Department = { id: string; name: string } | null;
type Report<T> = (db: Db, now: Date, period: Period, department: Department) => Promise<T>;

/** The reports' functions, or null while the reports' branch has not landed in this one. */
async function reportFunctions() {
  // Named by URL, not a literal: a branch without these files still compiles and runs the inbox part.
  const url = (file: string) => new URL(`../../server/reports/${file}`, import.meta.url).href;
  try {
    const weekly = (await import(url('weekly-control.ts'))) as { weeklyControl: Report<WeeklyControl> };
    const monthly = (await import(url('monthly-analysis.ts'))) as { monthlyAnalysis: Report<MonthlyAnalysis> };
    return { weeklyControl: weekly.weeklyControl, monthlyAnalysis: monthly.monthlyAnalysis };
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return null;
    throw e;
  }
}

/** The periods timed, near the data's end: the last full week, month and quarter, and the last year. */
export const REPORT_PERIODS = { week: '2026-W50', month: '2026-11', quarter: '2026-Q4', year: '2026' };

export async function reportTimings(
  db: Db,
  department: Department & {},
  now: Date,
  runs: number,
): Promise<Timing[] | null> {
  const fns = await reportFunctions();
  if (!fns) return null;
  const period = (key: string) => parsePeriod(key)!;
  const weekly = (label: string, key: string, d: Department) =>
    time(
      label,
      runs,
      () => fns.weeklyControl(db, now, period(key), d),
      (w) => `received ${w.totals.received}, open ${w.totals.open}, overdue ${w.totals.overdue}`,
    );
  // Ended months are kept counted (server/reports/month-store.ts): timed as a user meets them
  // (the warm-up run keeps them), and with nothing kept, as after a write to each of them.
  const monthly = (label: string, key: string, d: Department, fresh = false) =>
    time(
      fresh ? `${label}, nothing kept` : label,
      runs,
      async () => {
        if (fresh) await db.deleteFrom('report_months').execute();
        return fns.monthlyAnalysis(db, now, period(key), d);
      },
      (m) =>
        `received ${m.current.received.total} (before: ${m.previous.received.total}), closed ${m.current.closed.count}`,
    );
  const { week, month, quarter, year } = REPORT_PERIODS;
  return [
    await weekly(`weekly control ${week}`, week, null),
    await weekly(`weekly control ${week}, one department`, week, department),
    await monthly(`monthly analysis ${month}`, month, null),
    await monthly(`monthly analysis ${quarter}`, quarter, null),
    await monthly(`monthly analysis ${year}`, year, null),
    await monthly(`monthly analysis ${month}, one department`, month, department),
    await monthly(`monthly analysis ${year}, one department`, year, department),
    await monthly(`monthly analysis ${month}`, month, null, true),
    await monthly(`monthly analysis ${quarter}`, quarter, null, true),
    await monthly(`monthly analysis ${year}`, year, null, true),
    await monthly(`monthly analysis ${year}, one department`, year, department, true),
  ];
}
