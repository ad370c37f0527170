// Wall-clock time in an IANA zone with nothing but Intl. The formatters are cached per zone:
// making one costs far more than using it, and the inbox asks for deadlines of many rows.

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

// A report reads the local day of a hundred thousand instants, and Intl takes microseconds for
// each. Every zone's offset since 1973 is a whole number of quarter hours (Liberia's −0:44:30 was
// the last that wasn't, until 1972), so a local date can change only on a quarter hour in UTC:
// all instants of one UTC quarter hour share a local day, read once and remembered.
const SLOT_MS = 15 * 60_000;
const QUARTER_HOURS_SINCE = Date.UTC(1973, 0, 1);
const daysBySlot = new Map<string, Map<number, number>>();

/** The zone's formatter; a RangeError for a zone Intl doesn't know. */
export function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wall(timeZone: string, ms: number): Wall {
  const w: Wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of zoneFormatter(timeZone).formatToParts(ms)) if (p.type in w) w[p.type as keyof Wall] = Number(p.value);
  return w;
}

/** How far the zone's clock is ahead of UTC at an instant, in ms (Moscow: 3 h). */
function offsetAt(timeZone: string, ms: number): number {
  const w = wall(timeZone, ms);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The local date of an instant as a day number (days since 1970-01-01): consecutive local days
 * are consecutive numbers, whatever the zone's offset does.
 */
export function localDayNumber(timeZone: string, ms: number): number {
  if (ms < QUARTER_HOURS_SINCE) return dayOfWall(timeZone, ms);
  let days = daysBySlot.get(timeZone);
  if (!days) {
    days = new Map();
    daysBySlot.set(timeZone, days);
  }
  const slot = Math.floor(ms / SLOT_MS);
  const known = days.get(slot);
  if (known !== undefined) return known;
  const n = dayOfWall(timeZone, ms);
  if (days.size > 100_000) days.clear();
  days.set(slot, n);
  return n;
}

function dayOfWall(timeZone: string, ms: number): number {
  const w = wall(timeZone, ms);
  return Date.UTC(w.year, w.month - 1, w.day) / DAY_MS;
}

/** `YYYY-MM-DD` of a day number. */
export const dayText = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The day number of `YYYY-MM-DD`. */
export const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * The instant a wall-clock time of a local day happens. In a gap (clocks moved forward) the time
 * is read with the offset before the change, so it lands as far after the gap as it was into
 * it; in an overlap (clocks moved back) the earlier instant wins. Null when the local day itself
 * doesn't exist (Samoa skipped 30 December 2011).
 */
export function zonedInstant(timeZone: string, dayNo: number, minutes: number): number | null {
  // A pure function of its arguments, asked for the same working days by every submission: kept.
  const key = `${timeZone} ${dayNo} ${minutes}`;
  let t = instants.get(key);
  if (t === undefined) {
    if (instants.size >= 10_000) instants.clear();
    t = computeZonedInstant(timeZone, dayNo, minutes);
    instants.set(key, t);
  }
  return t;
}

const instants = new Map<string, number | null>();

function computeZonedInstant(timeZone: string, dayNo: number, minutes: number): number | null {
  const local = dayNo * DAY_MS + minutes * 60_000;
  const before = offsetAt(timeZone, local - DAY_MS);
  const after = offsetAt(timeZone, local + DAY_MS);
  const early = local - before;
  if (before === after) return early;
  const late = local - after;
  const fits = (t: number, off: number) => offsetAt(timeZone, t) === off;
  let t: number;
  if (fits(early, before) && fits(late, after)) t = Math.min(early, late);
  else if (fits(early, before)) t = early;
  else if (fits(late, after)) t = late;
  else t = early;
  return localDayNumber(timeZone, t) === dayNo ? t : null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * An instant as ISO 8601 text with the zone's offset at that moment (milliseconds only when
 * there are some).
 * @example formatInstant('Europe/Moscow', new Date('2026-02-24T06:30:00Z')) // '2026-02-24T09:30:00+03:00'
 */
export function formatInstant(timeZone: string, at: Date): string {
  const ms = at.getTime();
  const w = wall(timeZone, ms);
  const offset = Math.round(offsetAt(timeZone, ms) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const millis = ((ms % 1000) + 1000) % 1000;
  return (
    `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` +
    `${millis ? `.${pad(millis, 3)}` : ''}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
