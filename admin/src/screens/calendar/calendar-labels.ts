import type { CalendarDay, CalendarDayType } from '../../api/types.ts';
import type { Choice } from '../../labels.ts';

export const DAY_TYPE_LABELS: Record<CalendarDayType, string> = {
  work: 'Рабочий',
  short: 'Сокращённый',
  off: 'Выходной',
};

export const DAY_TYPE_CHOICES: Choice[] = [
  { value: 'off', label: 'Выходной' },
  { value: 'work', label: 'Рабочий' },
  { value: 'short', label: 'Сокращённый (на час короче)' },
];

/** Where a special day comes from: the year's decree, the Labour Code alone (no decree yet), the company. */
export const DAY_SOURCE_LABELS: Record<CalendarDay['source'], string> = {
  decree: 'Постановление',
  law: 'ТК РФ',
  company: 'Компания',
};

// The badges borrow the console's colours: green for working, amber for short, grey for off.
export const DAY_TYPE_BADGES: Record<CalendarDayType, string> = {
  work: 'badge ok',
  short: 'badge status-in_progress',
  off: 'badge off',
};

const WEEKDAYS = ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'];

/** @example weekdayOf('2026-12-31') // 'четверг' */
export const weekdayOf = (day: string) => WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]!;

/** @example dayLabel('2026-12-31') // '31.12.2026' */
export const dayLabel = (day: string) => day.split('-').reverse().join('.');

/** The calendar year now in Moscow: the company's year, whatever the computer's zone. */
export const moscowYear = (now = new Date()) =>
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Moscow', year: 'numeric' }).format(now));

/** @example hoursNumber(2095.5) // '2 095,5' */
export const hoursNumber = (n: number) => n.toLocaleString('ru-RU', { maximumFractionDigits: 2 });
