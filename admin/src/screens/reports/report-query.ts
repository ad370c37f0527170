import {
  type Period,
  type PeriodKind,
  parsePeriod,
  periodKeyOf,
  shiftPeriod,
} from '../../../../shared/report-periods.ts';

// The reports' state lives in the URL (like the inbox's filters): a bookmark or Back restores the
// period and the department. Absent or unreadable, the period is the last one that has ended.

const MOSCOW_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' });

/** @example companyToday(new Date('2026-12-31T22:30:00Z')) // '2027-01-01' */
export const companyToday = (now: Date) => MOSCOW_DAY.format(now);

/** The period of `kind` holding the company's today. */
export const currentPeriod = (kind: PeriodKind, now: Date): Period =>
  parsePeriod(periodKeyOf(kind, companyToday(now))) as Period;

/** The last period of `kind` that has ended: last week, last month. */
export const lastEnded = (kind: PeriodKind, now: Date): Period => shiftPeriod(currentPeriod(kind, now), -1);

export interface ReportQuery {
  period: Period;
  /** A department's id, or '' for the whole company. */
  department: string;
}

/**
 * The weekly screen's week: `?week=2026-W44`, or last week.
 * @example readWeekly(new URLSearchParams('week=2026-W53'), now).period.key // '2026-W53'
 */
export function readWeekly(query: URLSearchParams, now: Date): ReportQuery {
  const p = parsePeriod(query.get('week') ?? '');
  return { period: p?.kind === 'week' ? p : lastEnded('week', now), department: query.get('department') ?? '' };
}

/** The monthly screen's month, quarter or year: `?period=2026-10|2026-Q4|2026`, or last month. */
export function readMonthly(query: URLSearchParams, now: Date): ReportQuery {
  const p = parsePeriod(query.get('period') ?? '');
  return { period: p && p.kind !== 'week' ? p : lastEnded('month', now), department: query.get('department') ?? '' };
}

const search = (params: Record<string, string>) => {
  const s = new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString();
  return s ? `?${s}` : '';
};

/** The query a report is asked with, on screen and in its files. */
export const reportParams = (screen: 'weekly' | 'monthly', q: ReportQuery): Record<string, string> => ({
  [screen === 'weekly' ? 'week' : 'period']: q.period.key,
  department: q.department,
});

/**
 * A report screen's URL.
 * @example reportHref('weekly', { period: parsePeriod('2027-W01')!, department: 'd1' }) // '/admin/reports/weekly?week=2027-W01&department=d1'
 */
export const reportHref = (screen: 'weekly' | 'monthly', q: ReportQuery) =>
  `/admin/reports/${screen}${search(reportParams(screen, q))}`;

/**
 * A report's file: the same query, `.csv` or `.xlsx` after the name.
 * @example exportHref('reports/monthly', 'xlsx', { period: '2026-Q4' }) // '/api/admin/reports/monthly.xlsx?period=2026-Q4'
 */
export const exportHref = (name: string, format: 'csv' | 'xlsx', params: Record<string, string>) =>
  `/api/admin/${name}.${format}${search(params)}`;
