import { clockMinutes, hoursProblem } from '../../shared/calendar-schema.ts';
import { COMPANY_TIME_ZONE } from '../company-time.ts';
import { baseDay, type DayType, hasDecree, ordinaryDayType } from './production-calendar.ts';
import { dayNumber, dayText, localDayNumber, zonedInstant, zoneFormatter } from './zone-time.ts';

export type { DayType };
export { formatInstant } from './zone-time.ts';

/** The company's working time: its zone, its hours, and what each day is. */
export interface WorkingCalendar {
  timeZone: string;
  hours: { start: string; end: string };
  /** A local day `YYYY-MM-DD`: the company's change ?? the decree ?? the ordinary week. */
  dayType(day: string): DayType;
  /** Whether the year's decree ships (otherwise the Labour Code's holidays alone, production-calendar.ts lawDays). */
  hasData(year: number): boolean;
}

export const DEFAULT_HOURS = { start: '09:00', end: '18:00' } as const;

/** The most working days or hours one call counts: a bigger number is a mistake, not a deadline. */
export const MAX_WORKING_DAYS = 1000;
export const MAX_WORKING_HOURS = 10_000;
/** A search for the next working day gives up after three years of days off. */
const IDLE_DAYS_LIMIT = 3 * 366;
/** No call looks at more days than this (workingMsBetween over a wider span is refused). */
const SCAN_LIMIT = 40 * 366;
const HOUR = 3_600_000;

/**
 * The working calendar from its parts; every part has the company's default.
 * @example makeCalendar({ overrides: { '2026-06-15': 'off' } }).dayType('2026-06-15') // 'off'
 */
export function makeCalendar(
  opts: { timeZone?: string; hours?: { start: string; end: string }; overrides?: Record<string, DayType> } = {},
): WorkingCalendar {
  const timeZone = opts.timeZone ?? COMPANY_TIME_ZONE;
  zoneFormatter(timeZone); // an unknown zone is a RangeError now, not at the first deadline
  const hours = { ...(opts.hours ?? DEFAULT_HOURS) };
  if (hoursProblem(hours)) throw new RangeError(`working hours ${hours.start}–${hours.end} are not a working day`);
  const overrides = new Map(Object.entries(opts.overrides ?? {}));
  return {
    timeZone,
    hours,
    dayType: (day) => overrides.get(day) ?? baseDay(day)?.type ?? ordinaryDayType(day),
    hasData: hasDecree,
  };
}

interface Span {
  open: number;
  close: number;
}

// Each calendar's working spans by day number, so that a list of many rows converts each local
// day to instants once. Keyed weakly: a calendar loaded for one request takes its cache with it.
const spans = new WeakMap<WorkingCalendar, Map<number, Span | null>>();

/** The working span of a local day, or null when it has no working time. */
function spanOf(cal: WorkingCalendar, n: number): Span | null {
  let cache = spans.get(cal);
  if (!cache) {
    cache = new Map();
    spans.set(cal, cache);
  }
  const known = cache.get(n);
  if (known !== undefined) return known;
  const type = cal.dayType(dayText(n));
  const start = clockMinutes(cal.hours.start)!;
  const end = clockMinutes(cal.hours.end)! - (type === 'short' ? 60 : 0);
  const open = type === 'off' ? null : zonedInstant(cal.timeZone, n, start);
  const close = open === null ? null : zonedInstant(cal.timeZone, n, end);
  const span = open !== null && close !== null && close > open ? { open, close } : null;
  if (cache.size > 20_000) cache.clear();
  cache.set(n, span);
  return span;
}

function noWorkingDay(): never {
  throw new RangeError('the working calendar has no working day within three years');
}

/**
 * The instant itself when it is working time, otherwise the start of the next working time.
 * @example nextWorkingMoment(cal, new Date('2026-02-20T15:30:00Z')) // Friday 18:30 Moscow → Tuesday 24 February 09:00
 */
export function nextWorkingMoment(cal: WorkingCalendar, at: Date): Date {
  const t = at.getTime();
  let n = localDayNumber(cal.timeZone, t);
  for (let idle = 0; idle <= IDLE_DAYS_LIMIT; idle++, n++) {
    const s = spanOf(cal, n);
    if (s && t < s.close) return new Date(Math.max(t, s.open));
  }
  return noWorkingDay();
}

/**
 * The earliest instant by which `hours` of working time have passed since `from`: counted from
 * `from`, or from the next working moment when `from` is outside working time. An addition that
 * uses a day up to its close ends at the close (18:00), not at the next day's start.
 * @example addWorkingHours(cal, new Date('2026-02-20T14:30:00Z'), 1) // Friday 17:30 Moscow → 2026-02-24T06:30:00.000Z
 */
export function addWorkingHours(cal: WorkingCalendar, from: Date, hours: number): Date {
  if (!Number.isFinite(hours) || hours < 0 || hours > MAX_WORKING_HOURS)
    throw new RangeError(`working hours must be from 0 to ${MAX_WORKING_HOURS}, not ${hours}`);
  let left = Math.round(hours * HOUR);
  const t = from.getTime();
  if (left === 0) return new Date(t);
  let n = localDayNumber(cal.timeZone, t);
  for (let idle = 0, scanned = 0; scanned <= SCAN_LIMIT; n++, scanned++) {
    if (idle > IDLE_DAYS_LIMIT) noWorkingDay();
    const s = spanOf(cal, n);
    if (!s || t >= s.close) {
      idle++;
      continue;
    }
    const start = Math.max(t, s.open);
    if (left <= s.close - start) return new Date(start + left);
    left -= s.close - start;
    idle = 0;
  }
  throw new RangeError('the working calendar has too little working time to count this far');
}

/**
 * The close of the `days`-th working day after the day of `from`, that day not counted: «в течение
 * трех рабочих дней, не считая день получения обращения». With 0, the close of the working day
 * `from` is in (or of the next one, when its working time is over).
 * @example addWorkingDays(cal, new Date('2026-12-30T14:30:00Z'), 3) // close of the 3rd working day of 2027
 */
export function addWorkingDays(cal: WorkingCalendar, from: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0 || days > MAX_WORKING_DAYS)
    throw new RangeError(`working days must be a whole number from 0 to ${MAX_WORKING_DAYS}, not ${days}`);
  if (days === 0) {
    const next = nextWorkingMoment(cal, from);
    return new Date(spanOf(cal, localDayNumber(cal.timeZone, next.getTime()))!.close);
  }
  let n = localDayNumber(cal.timeZone, from.getTime());
  let counted = 0;
  for (let idle = 0; idle <= IDLE_DAYS_LIMIT; ) {
    const s = spanOf(cal, ++n);
    if (!s) {
      idle++;
      continue;
    }
    if (++counted === days) return new Date(s.close);
    idle = 0;
  }
  return noWorkingDay();
}

/**
 * The working time in [a, b) in ms; negative when b is before a.
 * @example workingMsBetween(cal, fridayAt17, mondayAt10) // 2 hours
 */
export function workingMsBetween(cal: WorkingCalendar, a: Date, b: Date): number {
  const ta = a.getTime();
  const tb = b.getTime();
  if (tb < ta) return -workingMsBetween(cal, b, a);
  const first = localDayNumber(cal.timeZone, ta);
  const last = localDayNumber(cal.timeZone, tb);
  if (last - first > SCAN_LIMIT) throw new RangeError('the two instants are too far apart to count working time');
  let total = 0;
  for (let n = first; n <= last; n++) {
    const s = spanOf(cal, n);
    if (s) total += Math.max(0, Math.min(s.close, tb) - Math.max(s.open, ta));
  }
  return total;
}

/**
 * The working span of a local day `YYYY-MM-DD` as instants, null for a day off: the close is
 * what «by that day» means for a deadline agreed with the client.
 * @example dayWorkingSpan(makeCalendar(), '2026-04-30')!.close // 17:00 Moscow, a short day
 */
export function dayWorkingSpan(cal: WorkingCalendar, day: string): { open: Date; close: Date } | null {
  const s = spanOf(cal, dayNumber(day));
  return s && { open: new Date(s.open), close: new Date(s.close) };
}

/** The length of an ordinary working day on the company's hours (9 h for 09:00–18:00), in ms. */
export function workingDayMs(cal: WorkingCalendar): number {
  return ((clockMinutes(cal.hours.end) ?? 0) - (clockMinutes(cal.hours.start) ?? 0)) * 60_000;
}
