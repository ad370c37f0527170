import { oneOf, type Rule, text } from './rules.ts';

// The working calendar's input: the console's forms, its API and the CLI's import file read it
// through these rules.

/** A day of the working calendar: a working day, a short pre-holiday day (an hour shorter), a day off. */
export const CALENDAR_DAY_TYPES = ['work', 'short', 'off'] as const;
export type CalendarDayType = (typeof CALENDAR_DAY_TYPES)[number];

export const CALENDAR_NOTE_MAX = 200;

/**
 * Whether a value is a real date written `YYYY-MM-DD`.
 * @example isCalendarDay('2026-02-30') // false
 */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
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
