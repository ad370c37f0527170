import { randomUUID } from 'node:crypto';
import type { Period } from '../../shared/report-periods.ts';
import { calendarDigest } from '../calendar/calendar-store.ts';
import type { Db } from '../db/connection.ts';
import type { MonthFigures } from './month-figures.ts';
import { reportWindow } from './report-window.ts';

/**
 * Raised whenever the way a month is counted changes: months kept by an older version are counted
 * again (2: a year without a decree counts the Labour Code's holidays; 3: a complaint counts as
 * received in the month of its receipt; 4: shares exact, a rating made a complaint received once,
 * a complaint made a suggestion has no steps falling due; 5: and is received when the complaint was;
 * 6: the figures by responsible person).
 */
const FIGURES_VERSION = 6;

/**
 * What a month's working days were counted on: the company's calendar changes, its hours, the
 * shipped decrees and the zone, as one digest. A kept month counted on another is counted again.
 */
export const calendarKey = (db: Db): Promise<string> => calendarDigest(db, FIGURES_VERSION);

/**
 * One month's figures: kept in report_months once the month is over, so a year's analysis adds
 * twelve stored months instead of counting a year of rows. The month still running is counted
 * every time. A kept month is used only while no write has touched it: the migration's triggers
 * mark it stale in the writer's own transaction. A count first claims the month with its own
 * token (clearing the mark) and stores its figures only if the month is still unmarked then, so
 * a write that lands while it counts is never hidden under figures counted before it.
 * @example await keptMonth(db, { calendar, now, departmentId: null }, parsePeriod('2026-10')!, count)
 */
export async function keptMonth(
  db: Db,
  at: { calendar: string; now: Date; departmentId: string | null },
  month: Period,
  count: () => Promise<MonthFigures>,
): Promise<MonthFigures> {
  const w = reportWindow(month, at.now);
  if (w.asOf < w.end) return count();
  const key = { month: month.key, department_id: at.departmentId ?? '' };
  const kept = await db
    .selectFrom('report_months')
    .select(['figures', 'calendar'])
    .where('month', '=', key.month)
    .where('department_id', '=', key.department_id)
    .where('stale', '=', 0)
    .executeTakeFirst();
  if (kept?.figures && kept.calendar === at.calendar) return JSON.parse(kept.figures) as MonthFigures;

  const token = randomUUID();
  const claim = { starts: w.from, ends: w.end, calendar: at.calendar, token, stale: 0, figures: null };
  await db
    .insertInto('report_months')
    .values({ ...key, ...claim })
    .onConflict((oc) => oc.columns(['month', 'department_id']).doUpdateSet(claim))
    .execute();
  const figures = await count();
  await db
    .updateTable('report_months')
    .set({ figures: JSON.stringify(figures) })
    .where('month', '=', key.month)
    .where('department_id', '=', key.department_id)
    .where('token', '=', token)
    .where('stale', '=', 0)
    .execute();
  return figures;
}
