import { periodLabel, type Period } from '../../shared/report-periods.ts';
import type { ReportPeriod } from '../../shared/console-reports.ts';
import { companyDayStart, nextDay } from '../company-day.ts';

/** A period as instants: its first moment, the first moment after it, and the moment figures are counted at. */
export interface ReportWindow {
  /** Midnight in Moscow of the period's first day (ISO). */
  from: string;
  /** Midnight in Moscow of the day after its last day: the end, excluded. */
  end: string;
  /** min(end, now): a period still running is counted as it stands now. */
  asOf: string;
}

/** The instants of a period in the company's time zone; stored timestamps are ISO text, so they compare as text. */
export function reportWindow(period: Period, now: Date): ReportWindow {
  const from = companyDayStart(period.from);
  const end = companyDayStart(nextDay(period.to));
  const asOf = new Date(Math.min(now.getTime(), Date.parse(end))).toISOString();
  return { from, end, asOf };
}

/** The period as a payload names it: key, kind, days and its Russian name. */
export const reportPeriod = (p: Period): ReportPeriod => ({ ...p, label: periodLabel(p) });
