import { oneOf, type Rule, text } from './rules.ts';

// The working calendar's input: the console's forms, its API and the CLI's import file read it
// through these rules.

/** A day of the working calendar: a working day, a short pre-holiday day (an hour shorter), a day off. */
export const CALENDAR_DAY_TYPES = ['work', 'short', 'off'] as const;
export type CalendarDayType = (typeof CALENDAR_DAY_TYPES)[number];

export const CALENDAR_NOTE_MAX = 200;

/**
 * The years a date given to Otklik may fall in. Outside them a date is a slip of the keyboard
 * (0001, 9999) that no working calendar can count: refused where it is typed, not met later by
 * a report or a reminder that can't count it.
 */
export const ACCEPTED_YEARS = { first: 2000, last: 2099 } as const;

/**
 * Whether a value is a real date written `YYYY-MM-DD`, in the accepted years.
 * @example isCalendarDay('2026-02-30') // false
 */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < ACCEPTED_YEARS.first || year > ACCEPTED_YEARS.last) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * An instant written in ISO 8601 with its zone, each part real (no 30 February, no 25:00) and its
 * day in the accepted years; null otherwise. `Date` alone would read «2026-02-30» as 2 March.
 * @example parseInstant('2026-11-30T17:50+03:00') // 2026-11-30T14:50:00.000Z
 */
export function parseInstant(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/.exec(value);
  if (!m || !isCalendarDay(m[1])) return null;
  const [hour, minute, second, zoneHours, zoneMinutes] = m.slice(2).map((n) => Number(n ?? 0)) as number[];
  if (hour! > 23 || minute! > 59 || second! > 59 || zoneHours! > 14 || zoneMinutes! > 59) return null;
  const at = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(at.getTime()) ? null : at;
}

/** What a person may get wrong in an instant he gives for something already done. */
export type PastInstantError =
  | 'instant'
  | 'future'
  | 'beforeReceipt'
  | 'beforeMessage'
  | 'beforeStep'
  | 'beforeReopen'
  | 'tooOld';

/**
 * An instant a person gives for something already done: a real one (parseInstant), not in the
 * future (a minute of clock skew allowed), and not before `notBefore` when given (a step done
 * before its complaint came; a receipt more than a year back). Empty means now. The console's
 * rule for every «when it happened» field: a step, a contact, a receipt, a closing.
 * @example pastInstant('2026-11-30T17:50+03:00', new Date()) // { value: 2026-11-30T14:50:00.000Z }
 */
export function pastInstant(
  v: unknown,
  now: Date,
  notBefore?: { at: Date; error: 'beforeReceipt' | 'beforeMessage' | 'beforeStep' | 'beforeReopen' | 'tooOld' },
): { value: Date } | { error: PastInstantError } {
  if (v === undefined || v === null || v === '') return { value: now };
  const at = parseInstant(v);
  if (!at) return { error: 'instant' };
  if (at.getTime() > now.getTime() + 60_000) return { error: 'future' };
  if (notBefore && at.getTime() < notBefore.at.getTime()) return { error: notBefore.error };
  return { value: at };
}

/**
 * Minutes since midnight of a time of day `HH:MM` (or `H:MM`), null when it is none.
 * @example clockMinutes('09:30') // 570
 */
export function clockMinutes(value: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 23 && min <= 59 ? h * 60 + min : null;
}

const time: Rule<string> = text({
  max: 5,
  required: true,
  code: 'invalid',
  clean: (s) => {
    const m = clockMinutes(s);
    return m === null ? null : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  },
});

/** A company's change of one day: `{type, note}` (the day itself is the URL's or the file's). */
export const calendarDaySchema = {
  type: oneOf(CALENDAR_DAY_TYPES, 'invalid'),
  note: text({ max: CALENDAR_NOTE_MAX }),
};

/** The working hours `{start, end}`, each `HH:MM`; see `hoursProblem` for how they relate. */
export const workingHoursSchema = { start: time, end: time };

/**
 * What is wrong with valid times as working hours: the day must end more than an hour after it
 * starts, so that a short pre-holiday day (an hour shorter) still has working time.
 * @example hoursProblem({ start: '09:00', end: '09:30' }) // 'end'
 */
export function hoursProblem(hours: { start: string; end: string }): 'end' | null {
  const start = clockMinutes(hours.start);
  const end = clockMinutes(hours.end);
  return start === null || end === null || end - start <= 60 ? 'end' : null;
}
