import { clockMinutes } from '../../shared/calendar-schema.ts';
import type { CalendarDay, CalendarTotals, CalendarYear } from '../../shared/console-calendar.ts';
import type { Db } from '../db/connection.ts';
import { listCalendarDays, loadCalendar } from './calendar-store.ts';
import { baseDay, baseDays, decreeOf, ordinaryDayType, SHIPPED_YEARS } from './production-calendar.ts';
import type { WorkingCalendar } from './working-time.ts';

/**
 * The working calendar of one year as the console shows it: every day that is not an ordinary
 * weekday or weekend (the decree's, or the Labour Code's for a year not decreed, and the
 * company's), the working hours, and the year's totals.
 */
export async function calendarYear(db: Db, year: number): Promise<CalendarYear> {
  const cal = await loadCalendar(db);
  const company = await listCalendarDays(db, `${year}-01-01`, `${year}-12-31`);
  const changed = new Set(company.map((d) => d.day));
  const baseType = (day: string) => baseDay(day)?.type ?? ordinaryDayType(day);
  const days: CalendarDay[] = [
    ...baseDays(year)
      .filter((d) => !changed.has(d.day))
      .map((d) => ({ day: d.day, type: d.type, source: d.source, note: d.note, baseType: d.type })),
    ...company.map((d) => ({
      day: d.day,
      type: d.type,
      source: 'company' as const,
      note: d.note,
      baseType: baseType(d.day),
    })),
  ].sort((a, b) => a.day.localeCompare(b.day));
  return {
    year,
    hasData: cal.hasData(year),
    decree: decreeOf(year),
    shippedYears: [...SHIPPED_YEARS],
    timeZone: cal.timeZone,
    hours: cal.hours,
    days,
    totals: yearTotals(cal, year),
  };
}

/**
 * A year's working days and hours. The company's hours are counted as wall-clock time, so a day
 * whose clocks move inside working hours (none in Moscow) would be an hour off here, not in deadlines.
 */
export function yearTotals(cal: WorkingCalendar, year: number): CalendarTotals {
  const span = (clockMinutes(cal.hours.end)! - clockMinutes(cal.hours.start)!) / 60;
  let workingDays = 0;
  let shortDays = 0;
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    const type = cal.dayType(new Date(t).toISOString().slice(0, 10));
    if (type !== 'off') workingDays++;
    if (type === 'short') shortDays++;
  }
  return {
    workingDays,
    shortDays,
    normHours: workingDays * 8 - shortDays,
    workingHours: workingDays * span - shortDays,
  };
}
