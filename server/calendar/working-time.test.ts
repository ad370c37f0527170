import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseDays, lawDays, ordinaryDayType, SHIPPED_YEARS } from './production-calendar.ts';
import {
  addWorkingDays,
  addWorkingHours,
  dayWorkingSpan,
  formatInstant,
  makeCalendar,
  nextWorkingMoment,
  type WorkingCalendar,
  workingMsBetween,
} from './working-time.ts';

const HOUR = 3_600_000;
const cal = makeCalendar();
/** A Moscow wall time as an instant: Moscow is UTC+3 all year. */
const msk = (local: string) => new Date(`${local.replace(' ', 'T')}:00+03:00`);
const inMoscow = (d: Date) => formatInstant('Europe/Moscow', d);

function yearTotals(c: WorkingCalendar, year: number) {
  let working = 0;
  let short = 0;
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    const type = c.dayType(new Date(t).toISOString().slice(0, 10));
    if (type !== 'off') working++;
    if (type === 'short') short++;
  }
  return { working, short, hoursAt40: working * 8 - short };
}

describe('the production calendar as shipped', () => {
  // Each shipped year against its decree's totals: working days, short days, hours at a 40-hour week.
  // A new year is a new row here, with the figures the decree (or Минтруд's calendar) gives.
  const DECREED = [
    { year: 2025, working: 247, short: 4, hoursAt40: 1972 }, // № 1335 of 04.10.2024
    { year: 2026, working: 247, short: 4, hoursAt40: 1972 }, // № 1466 of 24.09.2025
  ];

  it('ships exactly the years checked here', () => {
    expect(SHIPPED_YEARS).toEqual(DECREED.map((d) => d.year));
  });

  it.each(DECREED)('$year has the decree’s totals', ({ year, ...totals }) => {
    expect(cal.hasData(year)).toBe(true);
    expect(yearTotals(cal, year)).toEqual(totals);
    // Counted as deadlines count it: 9 hours a day at 09:00–18:00, a short day 8.
    const from = msk(`${year}-01-01 00:00`);
    const to = msk(`${year + 1}-01-01 00:00`);
    expect(workingMsBetween(cal, from, to) / HOUR).toBe(totals.working * 9 - totals.short);
  });

  it('lists only days the ordinary week gets wrong, and short days', () => {
    for (const year of [...SHIPPED_YEARS, 2027, 2028])
      for (const d of baseDays(year)) expect(d.type === 'short' || d.type !== ordinaryDayType(d.day)).toBe(true);
  });

  it('gives a year the Labour Code alone as the 2026 decree has it, but for the decree’s own moves', () => {
    const decree = new Map(baseDays(2026).map((d) => [d.day.slice(5), { type: d.type, note: d.note }]));
    const law = new Map([...lawDays(2026)].map(([md, d]) => [md, { type: d.type, note: d.note }]));
    // The decree moved the weekend days of 3 and 4 January onto 9 January and 31 December; by law
    // alone 31 December is the short day before 1 January.
    decree.delete('01-09');
    decree.set('12-31', { type: 'short', note: 'Предпраздничный день, на час короче' });
    expect(Object.fromEntries(law)).toEqual(Object.fromEntries(decree));
  });

  it('counts 2027, not decreed yet, by the Labour Code: its holidays, their move off a weekend, short days', () => {
    expect(cal.hasData(2027)).toBe(false);
    expect(baseDays(2027).map((d) => `${d.day.slice(5)} ${d.type}`)).toEqual([
      '01-01 off',
      '01-04 off',
      '01-05 off',
      '01-06 off',
      '01-07 off',
      '01-08 off',
      '02-22 short',
      '02-23 off',
      '03-08 off',
      '04-30 short',
      '05-03 off', // 1 May is a Saturday
      '05-10 off', // 9 May is a Sunday
      '06-11 short',
      '06-14 off', // 12 June is a Saturday
      '11-03 short',
      '11-04 off',
      '12-31 short', // 1 January 2028 is a Saturday
    ]);
    expect(yearTotals(cal, 2027)).toEqual({ working: 249, short: 5, hoursAt40: 1987 });
    // A complaint at the end of 2026 is answered after the New Year holidays, not during them.
    expect(inMoscow(addWorkingDays(cal, msk('2026-12-30 12:00'), 3))).toBe('2027-01-13T18:00:00+03:00');
  });
});

describe('working hours and days in Moscow', () => {
  it('skips the weekend and a Monday holiday from Friday evening', () => {
    expect(inMoscow(addWorkingHours(cal, msk('2026-02-20 17:30'), 1))).toBe('2026-02-24T09:30:00+03:00');
    expect(inMoscow(nextWorkingMoment(cal, msk('2026-02-20 18:00')))).toBe('2026-02-24T09:00:00+03:00');
    expect(inMoscow(addWorkingDays(cal, msk('2026-02-20 17:30'), 1))).toBe('2026-02-24T18:00:00+03:00');
    expect(workingMsBetween(cal, msk('2026-02-20 17:00'), msk('2026-02-24 10:00'))).toBe(2 * HOUR);
    expect(workingMsBetween(cal, msk('2026-02-24 10:00'), msk('2026-02-20 17:00'))).toBe(-2 * HOUR);
  });

  it('crosses the New Year 2025/2026: 31 December and 1–11 January off', () => {
    const from = msk('2025-12-30 17:30');
    expect(inMoscow(addWorkingHours(cal, from, 1))).toBe('2026-01-12T09:30:00+03:00');
    expect(inMoscow(addWorkingDays(cal, from, 3))).toBe('2026-01-14T18:00:00+03:00');
  });

  // 2027 is not decreed yet, so from Wednesday 30 December 2026 the calendar knows 31 December
  // (2026's decree) but not the January holidays: Friday 1 January 2027 counts as working until
  // the decree ships or the company enters its days. With them entered, as the statute fixes them
  // (ТК РФ ст. 112: 1–8 January), the first working day is Monday 11 January.
  it('crosses the New Year 2026/2027 by the Labour Code, and as the company enters it', () => {
    const from = msk('2026-12-30 17:30');
    expect(inMoscow(addWorkingHours(cal, from, 1))).toBe('2027-01-11T09:30:00+03:00');
    expect(inMoscow(addWorkingDays(cal, from, 3))).toBe('2027-01-13T18:00:00+03:00');
    expect(inMoscow(addWorkingDays(cal, from, 14))).toBe('2027-01-28T18:00:00+03:00');

    // A company that works on 4 and 5 January (its own decision, entered in the console).
    const entered = makeCalendar({ overrides: { '2027-01-04': 'work', '2027-01-05': 'work' } });
    expect(inMoscow(addWorkingHours(entered, from, 1))).toBe('2027-01-04T09:30:00+03:00');
    expect(inMoscow(addWorkingDays(entered, from, 3))).toBe('2027-01-11T18:00:00+03:00');
  });

  it('ends short days an hour early and skips the May holidays', () => {
    expect(inMoscow(dayWorkingSpan(cal, '2026-04-30')!.close)).toBe('2026-04-30T17:00:00+03:00');
    expect(dayWorkingSpan(cal, '2026-05-01')).toBeNull();
    // Half an hour left on the short 30 April, the rest after 1–3 May.
    expect(inMoscow(addWorkingHours(cal, msk('2026-04-30 16:30'), 1))).toBe('2026-05-04T09:30:00+03:00');
    // Short Friday 8 May, then 9–11 May off.
    expect(inMoscow(addWorkingHours(cal, msk('2026-05-08 16:00'), 2))).toBe('2026-05-12T10:00:00+03:00');
    expect(inMoscow(addWorkingDays(cal, msk('2026-05-07 12:00'), 1))).toBe('2026-05-08T17:00:00+03:00');
    expect(inMoscow(addWorkingDays(cal, msk('2026-05-07 12:00'), 2))).toBe('2026-05-12T18:00:00+03:00');
    // 2025: 8 May off (moved from 23 February), so 7 May is a full day: it comes before a day off,
    // not before the holiday.
    expect(inMoscow(dayWorkingSpan(cal, '2025-05-07')!.close)).toBe('2025-05-07T18:00:00+03:00');
    expect(inMoscow(addWorkingDays(cal, msk('2025-04-30 12:00'), 1))).toBe('2025-05-05T18:00:00+03:00');
  });

  it('ends an addition that fills a day at its close, not at the next start', () => {
    expect(inMoscow(addWorkingHours(cal, msk('2026-02-24 09:00'), 9))).toBe('2026-02-24T18:00:00+03:00');
    expect(inMoscow(addWorkingHours(cal, msk('2026-04-30 09:00'), 8))).toBe('2026-04-30T17:00:00+03:00');
    expect(inMoscow(addWorkingHours(cal, msk('2026-02-24 09:00'), 9.25))).toBe('2026-02-25T09:15:00+03:00');
  });

  it('counts N working days from the day after, whatever the hour of the instant', () => {
    expect(inMoscow(addWorkingDays(cal, msk('2026-03-02 00:10'), 3))).toBe('2026-03-05T18:00:00+03:00');
    expect(inMoscow(addWorkingDays(cal, msk('2026-03-02 23:50'), 3))).toBe('2026-03-05T18:00:00+03:00');
    expect(inMoscow(addWorkingDays(cal, msk('2026-02-21 12:00'), 1))).toBe('2026-02-24T18:00:00+03:00');
    expect(inMoscow(addWorkingDays(cal, msk('2026-03-06 17:00'), 0))).toBe('2026-03-06T18:00:00+03:00');
    expect(inMoscow(addWorkingDays(cal, msk('2026-03-06 18:00'), 0))).toBe('2026-03-10T18:00:00+03:00');
  });

  it("follows the company's changes and working hours", () => {
    const company = makeCalendar({
      hours: { start: '08:00', end: '17:00' },
      overrides: { '2026-06-15': 'off', '2026-06-20': 'work' },
    });
    expect(company.dayType('2026-06-15')).toBe('off');
    expect(company.dayType('2026-06-12')).toBe('off'); // the decree still holds
    // Short Thursday 11 June closes at 16:00; 12 June a holiday; Saturday 20 June is worked.
    expect(inMoscow(addWorkingHours(company, msk('2026-06-11 15:00'), 2))).toBe('2026-06-16T09:00:00+03:00');
    expect(inMoscow(addWorkingDays(company, msk('2026-06-19 12:00'), 1))).toBe('2026-06-20T17:00:00+03:00');
  });

  it('refuses absurd numbers and a calendar without working days, at once', () => {
    expect(() => addWorkingHours(cal, msk('2026-03-02 10:00'), -1)).toThrow(RangeError);
    expect(() => addWorkingHours(cal, msk('2026-03-02 10:00'), Number.NaN)).toThrow(RangeError);
    expect(() => addWorkingHours(cal, msk('2026-03-02 10:00'), 1e9)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, msk('2026-03-02 10:00'), 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, msk('2026-03-02 10:00'), 1e6)).toThrow(RangeError);
    expect(() => makeCalendar({ timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => makeCalendar({ hours: { start: '18:00', end: '09:00' } })).toThrow(RangeError);
    const never: WorkingCalendar = { ...cal, dayType: () => 'off' };
    const started = Date.now();
    expect(() => nextWorkingMoment(never, msk('2026-03-02 10:00'))).toThrow(RangeError);
    expect(() => addWorkingHours(never, msk('2026-03-02 10:00'), 1)).toThrow(RangeError);
    expect(() => addWorkingDays(never, msk('2026-03-02 10:00'), 1)).toThrow(RangeError);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('writes instants with the offset of their zone', () => {
    expect(formatInstant('Europe/Moscow', new Date('2026-02-24T06:30:00Z'))).toBe('2026-02-24T09:30:00+03:00');
    expect(formatInstant('America/New_York', new Date('2026-01-15T14:00:00Z'))).toBe('2026-01-15T09:00:00-05:00');
    expect(formatInstant('America/New_York', new Date('2026-07-15T13:00:00.250Z'))).toBe(
      '2026-07-15T09:00:00.250-04:00',
    );
    expect(formatInstant('Asia/Kathmandu', new Date('2026-01-15T03:15:00Z'))).toBe('2026-01-15T09:00:00+05:45');
  });
});

describe('daylight saving time', () => {
  // Working hours that span the change, on a Sunday made a working day.
  it('counts the real hours of a day whose clocks move', () => {
    const berlin = makeCalendar({
      timeZone: 'Europe/Berlin',
      hours: { start: '00:00', end: '23:00' },
      overrides: { '2026-03-29': 'work', '2026-10-25': 'work' },
    });
    const spring = dayWorkingSpan(berlin, '2026-03-29')!;
    expect(formatInstant('Europe/Berlin', spring.open)).toBe('2026-03-29T00:00:00+01:00');
    expect(formatInstant('Europe/Berlin', spring.close)).toBe('2026-03-29T23:00:00+02:00');
    expect(workingMsBetween(berlin, spring.open, spring.close)).toBe(22 * HOUR);
    expect(addWorkingHours(berlin, spring.open, 22)).toEqual(spring.close);
    const autumn = dayWorkingSpan(berlin, '2026-10-25')!;
    expect(workingMsBetween(berlin, autumn.open, autumn.close)).toBe(24 * HOUR);
    // 02:30 happens twice: the count goes through both.
    expect(formatInstant('Europe/Berlin', addWorkingHours(berlin, autumn.open, 3))).toBe('2026-10-25T02:00:00+01:00');
  });

  // The days are still Russia's (9 March 2026 is off), the hours New York's, on either side of 8 March.
  it('keeps 09:00–18:00 in New York across the change', () => {
    const ny = makeCalendar({ timeZone: 'America/New_York' });
    const friday = new Date('2026-03-06T22:00:00Z'); // 17:00 EST
    expect(formatInstant('America/New_York', addWorkingHours(ny, friday, 2))).toBe('2026-03-10T10:00:00-04:00');
    expect(workingMsBetween(ny, friday, new Date('2026-03-10T14:00:00Z'))).toBe(2 * HOUR);
  });
});

describe('the arithmetic, for any zone, start and amount', () => {
  // The Sundays the clocks move on are made working days, so the changes fall inside working time.
  const working = (...days: string[]) => Object.fromEntries(days.map((d) => [d, 'work' as const]));
  const zones = [
    makeCalendar(),
    makeCalendar({
      timeZone: 'Europe/Berlin',
      hours: { start: '00:00', end: '23:00' },
      overrides: working('2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25'),
    }),
    makeCalendar({
      timeZone: 'America/New_York',
      hours: { start: '01:30', end: '17:15' },
      overrides: working('2025-03-09', '2025-11-02', '2026-03-08', '2026-11-01'),
    }),
    makeCalendar({
      timeZone: 'Australia/Lord_Howe',
      hours: { start: '01:00', end: '03:30' },
      overrides: working('2025-04-06', '2025-10-05', '2026-04-05', '2026-10-04'),
    }),
    makeCalendar({
      timeZone: 'America/Santiago',
      hours: { start: '00:00', end: '12:00' },
      overrides: working('2025-04-06', '2025-09-07', '2026-04-05', '2026-09-06'),
    }),
    makeCalendar({ timeZone: 'Asia/Kathmandu', overrides: { '2026-03-14': 'work', '2026-03-16': 'off' } }),
  ];
  const calendar = fc.constantFrom(...zones);
  const anyTime = fc.integer({ min: Date.UTC(2024, 11, 1), max: Date.UTC(2027, 1, 1) });
  // Half the starts fall within two days of a change of the clocks in one of the zones.
  const changes = ['2026-03-29T01:00Z', '2026-10-25T01:00Z', '2026-03-08T07:00Z', '2026-11-01T06:00Z']
    .concat(['2026-04-04T15:00Z', '2026-10-03T15:00Z', '2026-04-05T03:00Z', '2026-09-06T04:00Z'])
    .map(Date.parse);
  const nearChange = fc
    .tuple(fc.constantFrom(...changes), fc.integer({ min: -2 * 86_400_000, max: 2 * 86_400_000 }))
    .map(([t, d]) => t + d);
  const instant = fc.oneof(anyTime, nearChange).map((ms) => new Date(ms - (ms % 1000)));
  const quarters = fc.integer({ min: 0, max: 160 }).map((q) => q / 4);
  const days = fc.integer({ min: 0, max: 30 });
  const closeOrInside = (c: WorkingCalendar, r: Date) => workingMsBetween(c, new Date(r.getTime() - 1), r) === 1;

  it('is monotonic in the amount and in the start', () => {
    fc.assert(
      fc.property(calendar, instant, instant, quarters, quarters, days, days, (c, a, b, h1, h2, d1, d2) => {
        const [from, later] = a <= b ? [a, b] : [b, a];
        const [less, more] = h1 <= h2 ? [h1, h2] : [h2, h1];
        const [fewer, most] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(addWorkingHours(c, from, less) <= addWorkingHours(c, from, more)).toBe(true);
        expect(addWorkingHours(c, from, less) <= addWorkingHours(c, later, less)).toBe(true);
        expect(addWorkingDays(c, from, fewer) <= addWorkingDays(c, from, most)).toBe(true);
        expect(addWorkingDays(c, from, fewer) <= addWorkingDays(c, later, fewer)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is additive, and counts back exactly what it added', () => {
    fc.assert(
      fc.property(calendar, instant, quarters, quarters, (c, from, a, b) => {
        const whole = addWorkingHours(c, from, a + b);
        expect(whole).toEqual(addWorkingHours(c, addWorkingHours(c, from, a), b));
        expect(workingMsBetween(c, from, whole)).toBe(Math.round((a + b) * HOUR));
      }),
      { numRuns: 300 },
    );
  });

  it('never ends inside non-working time, except exactly at a close', () => {
    fc.assert(
      fc.property(calendar, instant, quarters, days, (c, from, h, d) => {
        if (h > 0) expect(closeOrInside(c, addWorkingHours(c, from, h))).toBe(true);
        const due = addWorkingDays(c, from, d);
        // A close: the millisecond before it is working time, the instant itself is not.
        expect(closeOrInside(c, due)).toBe(true);
        expect(nextWorkingMoment(c, due) > due).toBe(true);
        const next = nextWorkingMoment(c, from);
        expect(next >= from && closeOrInside(c, new Date(next.getTime() + 1))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
