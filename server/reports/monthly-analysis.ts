import type { MonthlyAnalysis, PeriodFigures } from '../../shared/console-reports.ts';
import { type Period, shiftPeriod } from '../../shared/report-periods.ts';
import { loadCalendar } from '../calendar/calendar-store.ts';
import type { WorkingCalendar } from '../calendar/working-time.ts';
import type { Db } from '../db/connection.ts';
import { closedOutcomes } from './closed-outcomes.ts';
import { ratingSummaries } from './rating-summaries.ts';
import { receivedCounts } from './received-counts.ts';
import { departmentNames } from './report-labels.ts';
import { reportPeriod, reportWindow } from './report-window.ts';
import { stepCompliance } from './step-compliance.ts';

/** One period's figures, counted as they stand at the period's end (or now, while it runs). */
async function periodFigures(
  db: Db,
  cal: WorkingCalendar,
  names: Map<string, string>,
  now: Date,
  period: Period,
  departmentId: string | null,
): Promise<PeriodFigures> {
  const w = reportWindow(period, now);
  return {
    period: reportPeriod(period),
    received: await receivedCounts(db, w, departmentId, names),
    closed: await closedOutcomes(db, cal, w, departmentId),
    compliance: await stepCompliance(db, w, departmentId),
    ratings: await ratingSummaries(db, period, w, departmentId, names),
  };
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
  const cal = await loadCalendar(db);
  const names = await departmentNames(db);
  const departmentId = department?.id ?? null;
  return {
    asOf: reportWindow(period, now).asOf,
    department,
    current: await periodFigures(db, cal, names, now, period, departmentId),
    previous: await periodFigures(db, cal, names, now, shiftPeriod(period, -1), departmentId),
  };
}
