// What the console API answers about the working calendar (types only): /api/admin/calendar.

import type { CalendarDayType } from './calendar-schema.ts';

export type { CalendarDayType };

/** The company's working hours, `HH:MM` in its time zone. */
export interface CalendarHours {
  start: string;
  end: string;
}

/**
 * A day that is not an ordinary weekday or weekend: by the year's decree, by the Labour Code alone
 * (a year whose decree is not loaded: its holidays, their move off a weekend, the short days), or
 * changed by the company.
 */
export interface CalendarDay {
  /** `YYYY-MM-DD`. */
  day: string;
  type: CalendarDayType;
  source: 'decree' | 'law' | 'company';
  note: string | null;
  /** What the day is without the company's change (the decree's or the law's, or the ordinary week's). */
  baseType: CalendarDayType;
}

export interface CalendarTotals {
  /** Working days, short ones included. */
  workingDays: number;
  shortDays: number;
  /** The norm at a 40-hour week, as the decree counts it: 8 hours a day, 7 on a short day. */
  normHours: number;
  /** The hours deadlines count: the company's working hours on every working day. */
  workingHours: number;
}

/** `GET /api/admin/calendar?year=2026`. */
export interface CalendarYear {
  year: number;
  /** Whether the year's decree ships: without it the Labour Code's holidays stand in, none of the decree's moves. */
  hasData: boolean;
  /** The decree the year's data comes from. */
  decree: string | null;
  /** The years whose production calendar ships. */
  shippedYears: number[];
  timeZone: string;
  hours: CalendarHours;
  days: CalendarDay[];
  totals: CalendarTotals;
}
