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
  // 2027: not decreed yet (the government approves it late in 2026); falls back to weekends only.
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

/**
 * What the decree says of a day, when it says anything.
 * @example decreeDay('2026-12-31') // { type: 'off', note: 'Перенос выходного с воскресенья 4 января' }
 */
export function decreeDay(day: string): { type: DayType; note: string } | undefined {
  const entry = YEARS[Number(day.slice(0, 4))]?.days[day.slice(5)];
  return entry && { type: entry[0], note: entry[1] };
}

/** Every day a year's decree lists, in order. */
export function decreeDays(year: number): Array<{ day: string; type: DayType; note: string }> {
  return Object.entries(YEARS[year]?.days ?? {})
    .map(([md, [type, note]]) => ({ day: `${year}-${md}`, type, note }))
    .sort((a, b) => a.day.localeCompare(b.day));
}
