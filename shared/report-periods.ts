// The periods reports cover (issue 11): an ISO week «2026-W44», a month «2026-10», a quarter
// «2026-Q4» or a year «2026», as calendar days of the company (both ends included). The server
// turns the days into instants in the company's time zone; the console and the CLI read and
// step through periods with these. Pure date arithmetic on UTC dates: no Node or DOM APIs.

import { ACCEPTED_YEARS } from './calendar-schema.ts';

export type PeriodKind = 'week' | 'month' | 'quarter' | 'year';

/** A report's period: its key as typed, its kind, its first and last day (`YYYY-MM-DD`, both included). */
export interface Period {
  key: string;
  kind: PeriodKind;
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
const pad = (n: number) => String(n).padStart(2, '0');

/** Monday of ISO week 1 of a year: the week holding 4 January. */
function isoWeekOneMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - weekday * DAY_MS;
}

/** How many ISO weeks a year has (52 or 53). */
const weeksIn = (year: number) => Math.round((isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / (7 * DAY_MS));

/**
 * The period a key names, or null when it names none (a bad form, a week 53 the year lacks, a
 * year outside the accepted ones).
 * @example parsePeriod('2026-W44') // { key: '2026-W44', kind: 'week', from: '2026-10-26', to: '2026-11-01' }
 * @example parsePeriod('2026-Q4') // { key: '2026-Q4', kind: 'quarter', from: '2026-10-01', to: '2026-12-31' }
 */
export function parsePeriod(key: string): Period | null {
  const year = Number(key.slice(0, 4));
  if (!(year >= ACCEPTED_YEARS.first && year <= ACCEPTED_YEARS.last)) return null;
  let m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (m) {
    const [year, week] = [Number(m[1]), Number(m[2])];
    if (week < 1 || week > weeksIn(year)) return null;
    const monday = isoWeekOneMonday(year) + (week - 1) * 7 * DAY_MS;
    return { key, kind: 'week', from: day(monday), to: day(monday + 6 * DAY_MS) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    if (month < 1 || month > 12) return null;
    return { key, kind: 'month', from: day(Date.UTC(year, month - 1, 1)), to: day(Date.UTC(year, month, 0)) };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) {
    const [year, q] = [Number(m[1]), Number(m[2])];
    return { key, kind: 'quarter', from: day(Date.UTC(year, (q - 1) * 3, 1)), to: day(Date.UTC(year, q * 3, 0)) };
  }
  m = /^(\d{4})$/.exec(key);
  if (m) {
    const year = Number(m[1]);
    return { key, kind: 'year', from: `${year}-01-01`, to: `${year}-12-31` };
  }
  return null;
}

/**
 * The key of the period of `kind` holding a day.
 * @example periodKeyOf('week', '2027-01-01') // '2026-W53'
 */
export function periodKeyOf(kind: PeriodKind, d: string): string {
  const [y, mo] = [Number(d.slice(0, 4)), Number(d.slice(5, 7))];
  if (kind === 'month') return `${y}-${pad(mo)}`;
  if (kind === 'quarter') return `${y}-Q${Math.ceil(mo / 3)}`;
  if (kind === 'year') return String(y);
  // The ISO year of a day is the year of its week's Thursday.
  const weekday = (new Date(ms(d)).getUTCDay() + 6) % 7;
  const thursday = ms(d) + (3 - weekday) * DAY_MS;
  const isoYear = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - isoWeekOneMonday(isoYear)) / (7 * DAY_MS)) + 1;
  return `${isoYear}-W${pad(week)}`;
}

/**
 * The period `steps` periods after this one (before it when negative), of the same kind.
 * @example shiftPeriod(parsePeriod('2026-01')!, -1).key // '2025-12'
 */
export function shiftPeriod(p: Period, steps: number): Period {
  if (p.kind === 'week') return parsePeriod(periodKeyOf('week', day(ms(p.from) + steps * 7 * DAY_MS))) as Period;
  const months = { month: 1, quarter: 3, year: 12 }[p.kind] * steps;
  const [y, mo] = [Number(p.from.slice(0, 4)), Number(p.from.slice(5, 7))];
  return parsePeriod(periodKeyOf(p.kind, day(Date.UTC(y, mo - 1 + months, 1)))) as Period;
}

const MONTHS = [
  'Январь',
  'Февраль',
  'Март',
  'Апрель',
  'Май',
  'Июнь',
  'Июль',
  'Август',
  'Сентябрь',
  'Октябрь',
  'Ноябрь',
  'Декабрь',
];
const QUARTERS = ['I', 'II', 'III', 'IV'];
const dm = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;

/**
 * A period's name as the console, the files and the digest show it.
 * @example periodLabel(parsePeriod('2026-W44')!) // 'Неделя 44: 26.10.2026 – 01.11.2026'
 * @example periodLabel(parsePeriod('2026-10')!) // 'Октябрь 2026'
 */
export function periodLabel(p: Period): string {
  const year = p.key.slice(0, 4);
  if (p.kind === 'week') return `Неделя ${Number(p.key.slice(6))}: ${dm(p.from)} – ${dm(p.to)}`;
  if (p.kind === 'month') return `${MONTHS[Number(p.key.slice(5, 7)) - 1]} ${year}`;
  if (p.kind === 'quarter') return `${QUARTERS[Number(p.key.slice(6)) - 1]} квартал ${year}`;
  return `${year} год`;
}
