import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, localDayNumber } from './zone-time.ts';

/** The local date as Intl says it, asked afresh every time. */
const intlDay = (timeZone: string, ms: number) =>
  dayNumber(new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short' }).format(ms));

describe('the local day of an instant', () => {
  // Whole, half and three-quarter hour offsets, summer time both ways, and a zone that moved its date line.
  const zones = [
    'Europe/Moscow',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'America/New_York',
    'Australia/Lord_Howe',
    'Pacific/Apia',
  ];

  it('is the day Intl gives, however often the same quarter hour is asked', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1973, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (zone, ms) => {
          expect(localDayNumber(zone, ms)).toBe(intlDay(zone, ms));
          // Another instant of the same quarter hour after the first was remembered.
          const other = Math.floor(ms / 900_000) * 900_000 + 899_999;
          expect(localDayNumber(zone, other)).toBe(intlDay(zone, other));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('changes exactly at local midnight', () => {
    const midnight = Date.UTC(2026, 11, 31, 21, 0); // 1 January 2027, 00:00 in Moscow
    expect(localDayNumber('Europe/Moscow', midnight - 1)).toBe(dayNumber('2026-12-31'));
    expect(localDayNumber('Europe/Moscow', midnight)).toBe(dayNumber('2027-01-01'));
    const kolkata = Date.UTC(2026, 11, 31, 18, 30); // 00:00 in Kolkata (+5:30)
    expect(localDayNumber('Asia/Kolkata', kolkata - 1)).toBe(dayNumber('2026-12-31'));
    expect(localDayNumber('Asia/Kolkata', kolkata)).toBe(dayNumber('2027-01-01'));
  });

  it('is read from Intl before 1973, when offsets were not yet whole quarter hours', () => {
    // Monrovia kept −0:44:30 until 1972: 00:30 UTC on 1 January 1970 was still 31 December there, 00:44:40 (the same quarter hour) was not.
    expect(localDayNumber('Africa/Monrovia', Date.UTC(1970, 0, 1, 0, 30))).toBe(dayNumber('1969-12-31'));
    expect(localDayNumber('Africa/Monrovia', Date.UTC(1970, 0, 1, 0, 44, 40))).toBe(dayNumber('1970-01-01'));
  });
});
