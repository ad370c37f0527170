import type { CalendarDayType } from '../../shared/calendar-schema.ts';

export type DayType = CalendarDayType;

/**
 * One year of the Russian production calendar as decreed: only the days that differ from the
 * ordinary week (Monday–Friday working, Saturday and Sunday off), plus the short pre-holiday days.
 * A holiday that falls on a weekend is an ordinary day off and is not listed.
 */
interface DecreeYear {
  decree: string;
  /** `MM-DD` → the day's type and why. */
  days: Record<string, [DayType, string]>;
}

const NEW_YEAR = 'Новогодние каникулы';
const CHRISTMAS = 'Рождество Христово';
const MAY_DAY = 'Праздник Весны и Труда';
const VICTORY = 'День Победы';
const RUSSIA = 'День России';
const UNITY = 'День народного единства';
const DEFENDER = 'День защитника Отечества';
const PRE_HOLIDAY = 'Предпраздничный день, на час короче';

// Sources: the decrees themselves, and the statutory holidays of ТК РФ ст. 112 (1–8 January,
// 23 February, 8 March, 1 and 9 May, 12 June, 4 November) with its rule that a holiday falling on
// a weekend moves that weekend day off to the next working day (except the January ones, which
// the decree places); ст. 95: the working day before a holiday is an hour shorter.
// Each year is checked by server/calendar/working-time.test.ts against the decree's totals.
const YEARS: Record<number, DecreeYear> = {
  // 247 working days, 4 short; 1972 hours at a 40-hour week.
  2025: {
    decree: 'Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»',
    days: {
      '01-01': ['off', NEW_YEAR],
      '01-02': ['off', NEW_YEAR],
      '01-03': ['off', NEW_YEAR],
      '01-06': ['off', NEW_YEAR],
      '01-07': ['off', CHRISTMAS],
      '01-08': ['off', NEW_YEAR],
      '03-07': ['short', PRE_HOLIDAY],
      '04-30': ['short', PRE_HOLIDAY],
      '05-01': ['off', MAY_DAY],
      '05-02': ['off', 'Перенос выходного с субботы 4 января'],
      '05-08': ['off', 'Перенос выходного с воскресенья 23 февраля'],
      '05-09': ['off', VICTORY],
      '06-11': ['short', PRE_HOLIDAY],
      '06-12': ['off', RUSSIA],
      '06-13': ['off', 'Перенос выходного с субботы 8 марта'],
      '11-01': ['short', 'Рабочая суббота (выходной перенесён на 3 ноября), предпраздничный день'],
      '11-03': ['off', 'Перенос выходного с субботы 1 ноября'],
      '11-04': ['off', UNITY],
      '12-31': ['off', 'Перенос выходного с воскресенья 5 января'],
    },
  },
  // 247 working days, 4 short; 1972 hours at a 40-hour week.
  2026: {
    decree: 'Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»',
    days: {
      '01-01': ['off', NEW_YEAR],
      '01-02': ['off', NEW_YEAR],
      '01-05': ['off', NEW_YEAR],
      '01-06': ['off', NEW_YEAR],
      '01-07': ['off', CHRISTMAS],
      '01-08': ['off', NEW_YEAR],
      '01-09': ['off', 'Перенос выходного с субботы 3 января'],
      '02-23': ['off', DEFENDER],
      '03-09': ['off', 'Перенос выходного с воскресенья 8 марта (ТК РФ ст. 112)'],
      '04-30': ['short', PRE_HOLIDAY],
      '05-01': ['off', MAY_DAY],
      '05-08': ['short', PRE_HOLIDAY],
      '05-11': ['off', 'Перенос выходного с субботы 9 мая (ТК РФ ст. 112)'],
      '06-11': ['short', PRE_HOLIDAY],
      '06-12': ['off', RUSSIA],
      '11-03': ['short', PRE_HOLIDAY],
      '11-04': ['off', UNITY],
      '12-31': ['off', 'Перенос выходного с воскресенья 4 января'],
    },
  },
  // 2027: not decreed yet (the government approves it late in 2026); the Labour Code's days stand in (lawDays).
};

/** The years the production calendar ships, ascending. */
export const SHIPPED_YEARS: readonly number[] = Object.keys(YEARS)
  .map(Number)
  .sort((a, b) => a - b);

/** Whether the production calendar of a year ships with Otklik. */
export const hasDecree = (year: number): boolean => year in YEARS;

/** The decree a year's data comes from, null for a year without data. */
export const decreeOf = (year: number): string | null => YEARS[year]?.decree ?? null;

/**
 * A day's type by the ordinary week alone: Saturday and Sunday off.
 * @example ordinaryDayType('2026-02-21') // 'off'
 */
export function ordinaryDayType(day: string): DayType {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? 'off' : 'work';
}

/** A day the production calendar sets apart, and on what ground: the year's decree, or the law alone. */
export interface BaseDay {
  type: DayType;
  note: string;
  source: 'decree' | 'law';
}

/**
 * What the production calendar says of a day, when it says anything: the year's decree when it
 * ships, otherwise the Labour Code alone (lawDays: the holidays, their move off a weekend, the
 * short days before them), so that a year not yet decreed does not count New Year's holidays as
 * working days.
 * @example baseDay('2026-12-31') // { type: 'off', note: 'Перенос выходного с воскресенья 4 января', source: 'decree' }
 * @example baseDay('2027-01-04') // { type: 'off', note: 'Новогодние каникулы', source: 'law' }
 */
export function baseDay(day: string): BaseDay | undefined {
  const year = Number(day.slice(0, 4));
  const entry = YEARS[year]?.days[day.slice(5)];
  if (entry) return { type: entry[0], note: entry[1], source: 'decree' };
  return hasDecree(year) ? undefined : lawDays(year).get(day.slice(5));
}

/** Every day the production calendar sets apart in a year (its decree's, or the law's), in order. */
export function baseDays(year: number): Array<BaseDay & { day: string }> {
  const entries: Array<[string, BaseDay]> = YEARS[year]
    ? Object.entries(YEARS[year].days).map(([md, [type, note]]) => [md, { type, note, source: 'decree' }])
    : [...lawDays(year)];
  return entries.map(([md, d]) => ({ day: `${year}-${md}`, ...d })).sort((a, b) => a.day.localeCompare(b.day));
}

/** The non-working holidays of ТК РФ ст. 112, `MM-DD` → name. */
const HOLIDAYS: Record<string, string> = {
  '01-01': NEW_YEAR,
  '01-02': NEW_YEAR,
  '01-03': NEW_YEAR,
  '01-04': NEW_YEAR,
  '01-05': NEW_YEAR,
  '01-06': NEW_YEAR,
  '01-07': CHRISTMAS,
  '01-08': NEW_YEAR,
  '02-23': DEFENDER,
  '03-08': 'Международный женский день',
  '05-01': MAY_DAY,
  '05-09': VICTORY,
  '06-12': RUSSIA,
  '11-04': UNITY,
};

const WEEKDAY_FROM = [
  'с воскресенья',
  'с понедельника',
  'со вторника',
  'со среды',
  'с четверга',
  'с пятницы',
  'с субботы',
];
/** «1 мая»: the day and its month in the genitive, as a note names the holiday whose day off moved. */
const DAY_MONTH = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', timeZone: 'UTC' });

const lawCache = new Map<number, Map<string, BaseDay>>();

/**
 * A year's days by the Labour Code alone, for a year whose decree does not ship: the holidays of
 * ст. 112 off; a holiday other than those of 1–8 January that falls on a weekend moves its day
 * off to the next working day (ст. 112, part 2); the working day right before a holiday is an
 * hour shorter (ст. 95). What the government's decree adds later (the January weekends moved,
 * bridge days) is not here: the console says the decree is missing until it is imported.
 */
export function lawDays(year: number): ReadonlyMap<string, BaseDay> {
  const known = lawCache.get(year);
  if (known) return known;
  const days = new Map<string, BaseDay>();
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  const holiday = (t: number) => HOLIDAYS[iso(t).slice(5)] !== undefined;
  const free = (t: number) =>
    ordinaryDayType(iso(t)) === 'off' || holiday(t) || days.get(iso(t).slice(5))?.type === 'off';
  // Listed as the decrees list them: a holiday on a weekend is an ordinary day off, not listed.
  for (const [md, name] of Object.entries(HOLIDAYS))
    if (ordinaryDayType(`${year}-${md}`) === 'work') days.set(md, { type: 'off', note: name, source: 'law' });
  for (const md of Object.keys(HOLIDAYS)) {
    const t = Date.parse(`${year}-${md}T00:00:00Z`);
    if (md.startsWith('01-') || ordinaryDayType(iso(t)) !== 'off') continue;
    let moved = t + DAY_MS;
    while (free(moved)) moved += DAY_MS;
    if (new Date(moved).getUTCFullYear() !== year) continue;
    const note = `Перенос выходного ${WEEKDAY_FROM[new Date(t).getUTCDay()]} ${DAY_MONTH.format(t)} (ТК РФ ст. 112)`;
    days.set(iso(moved).slice(5), { type: 'off', note, source: 'law' });
  }
  // The day before each holiday, the first of next year's included (31 December).
  const holidays = Object.keys(HOLIDAYS).map((md) => Date.parse(`${year}-${md}T00:00:00Z`));
  for (const t of [...holidays, Date.UTC(year + 1, 0, 1)]) {
    const before = t - DAY_MS;
    if (new Date(before).getUTCFullYear() === year && !free(before))
      days.set(iso(before).slice(5), { type: 'short', note: PRE_HOLIDAY, source: 'law' });
  }
  lawCache.set(year, days);
  return days;
}

const DAY_MS = 86_400_000;
