import { COMPANY_TIME_ZONE } from '../../company-time.ts';

const PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: COMPANY_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/**
 * The company's wall clock at an instant, as a Date whose UTC fields read it. A spreadsheet's
 * date has no zone: it shows its fields as they are, so the files carry Moscow's time, not UTC's.
 * @example wallClock('2026-11-23T09:00:00.000Z').toISOString() // '2026-11-23T12:00:00.000Z'
 */
export function wallClock(iso: string): Date {
  const p = Object.fromEntries(PARTS.formatToParts(new Date(iso)).map((x) => [x.type, Number(x.value)]));
  return new Date(Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!));
}

/** A company day `YYYY-MM-DD` as a Date at its midnight (UTC fields), for a spreadsheet. */
export const dayDate = (day: string) => new Date(`${day}T00:00:00.000Z`);

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A wall-clock Date as Russian spreadsheets read a date and time.
 * @example russianDate(dayDate('2026-11-01')) // '01.11.2026'
 */
export function russianDate(d: Date, withTime = false): string {
  const day = `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
  return withTime ? `${day} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}` : day;
}
