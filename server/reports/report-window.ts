import { periodLabel, type Period } from '../../shared/report-periods.ts';
import type { ReportPeriod } from '../../shared/console-reports.ts';
import { clockMinutes } from '../../shared/calendar-schema.ts';
import type { WorkingCalendar } from '../calendar/working-time.ts';
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

/** The length of an ordinary working day on the company's hours (9 h for 09:00–18:00), in ms. */
export function workingDayMs(cal: WorkingCalendar): number {
  return ((clockMinutes(cal.hours.end) ?? 0) - (clockMinutes(cal.hours.start) ?? 0)) * 60_000;
}

/**
 * Working time for people, whole working days of the company's standard length first:
 * «2 р. д. 3 ч 10 мин», «45 мин», «0 мин».
 */
export function workingTimeText(minutes: number, dayMinutes: number): string {
  const days = Math.floor(minutes / dayMinutes);
  const hours = Math.floor((minutes - days * dayMinutes) / 60);
  const mins = minutes - days * dayMinutes - hours * 60;
  const parts = [days > 0 ? `${days} р. д.` : '', hours > 0 ? `${hours} ч` : '', mins > 0 ? `${mins} мин` : ''];
  return parts.filter(Boolean).join(' ') || '0 мин';
}
