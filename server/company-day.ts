import { zoneFormatter } from './calendar/zone-time.ts';
import { COMPANY_TIME_ZONE } from './company-time.ts';

/** Minutes the company's zone is ahead of UTC at an instant (Moscow: 180). */
function offsetMinutes(at: Date): number {
  const parts = Object.fromEntries(
    zoneFormatter(COMPANY_TIME_ZONE)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a calendar day begins in the company's time zone, as stored ISO text: a filter
 * «from 1 November» means from midnight in Moscow, not in UTC.
 * @example companyDayStart('2026-11-01') // '2026-10-31T21:00:00.000Z'
 */
export function companyDayStart(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utcMidnight = new Date(Date.UTC(y, m - 1, d));
  return new Date(utcMidnight.getTime() - offsetMinutes(utcMidnight) * 60_000).toISOString();
}

/** The day after a `YYYY-MM-DD` day. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
