import { describe, expect, it } from 'vitest';
import { isCalendarDay, parseInstant } from '../shared/calendar-schema.ts';
import { companyDayStart, nextDay } from './company-day.ts';

describe('company days', () => {
  it('start at midnight in Moscow', () => {
    expect(companyDayStart('2026-11-01')).toBe('2026-10-31T21:00:00.000Z');
    expect(companyDayStart('2026-01-01')).toBe('2025-12-31T21:00:00.000Z');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });

  it('are real days of the accepted years, and instants real moments with their zone', () => {
    const days = ['2026-02-29', '2028-02-29', '2026-13-01', '2026-1-01', '9999-12-31', '0001-01-01', '1999-12-31'];
    expect(days.map(isCalendarDay)).toEqual([false, true, false, false, false, false, false]);
    const at = (s: string) => parseInstant(s)?.toISOString() ?? null;
    expect(at('2026-11-30T17:50+03:00')).toBe('2026-11-30T14:50:00.000Z');
    expect(at('2026-11-30T17:50:10.5+0300')).toBe('2026-11-30T14:50:10.500Z');
    expect(at('2026-11-30T14:50:00.000Z')).toBe('2026-11-30T14:50:00.000Z');
    for (const bad of [
      '2026-02-30T10:00+03:00',
      '2026-11-30T24:00Z',
      '2026-11-30T10:60Z',
      '2026-11-30',
      '1950-03-01T10:00+03:00',
      '2026-11-30T10:00',
      'Nov 30 2026',
    ])
      expect(at(bad), bad).toBeNull();
  });
});
