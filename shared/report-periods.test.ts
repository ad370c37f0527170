import { describe, expect, it } from 'vitest';
import { parsePeriod, periodKeyOf, periodLabel, shiftPeriod } from './report-periods.ts';

const p = (key: string) => {
  const period = parsePeriod(key);
  if (!period) throw new Error(`no period ${key}`);
  return period;
};

describe('report periods', () => {
  it('reads weeks, months, quarters and years as company days, both ends included', () => {
    expect(p('2026-W44')).toEqual({ key: '2026-W44', kind: 'week', from: '2026-10-26', to: '2026-11-01' });
    expect(p('2026-W01')).toMatchObject({ from: '2025-12-29', to: '2026-01-04' });
    expect(p('2026-W53')).toMatchObject({ from: '2026-12-28', to: '2027-01-03' });
    expect(p('2024-02')).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    expect(p('2026-Q4')).toMatchObject({ kind: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(p('2026')).toMatchObject({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
  });

  it('names no period for a bad key or a week the year lacks', () => {
    for (const key of ['2025-W53', '2026-W00', '2026-13', '2026-00', '2026-Q5', '26-10', '2026-10-01', ''])
      expect(parsePeriod(key)).toBeNull();
  });

  it('finds the ISO week of a day across the New Year', () => {
    expect(periodKeyOf('week', '2027-01-01')).toBe('2026-W53');
    expect(periodKeyOf('week', '2024-12-30')).toBe('2025-W01');
    expect(periodKeyOf('week', '2026-01-01')).toBe('2026-W01');
    expect(periodKeyOf('quarter', '2026-11-15')).toBe('2026-Q4');
  });

  it('steps to the previous and next period of the same kind', () => {
    expect(shiftPeriod(p('2026-01'), -1).key).toBe('2025-12');
    expect(shiftPeriod(p('2026-Q1'), -1).key).toBe('2025-Q4');
    expect(shiftPeriod(p('2026'), -1).key).toBe('2025');
    expect(shiftPeriod(p('2026-W01'), -1).key).toBe('2025-W52');
    expect(shiftPeriod(p('2026-W53'), 1).key).toBe('2027-W01');
  });

  it('names periods in Russian', () => {
    expect(periodLabel(p('2026-W44'))).toBe('Неделя 44: 26.10.2026 – 01.11.2026');
    expect(periodLabel(p('2026-10'))).toBe('Октябрь 2026');
    expect(periodLabel(p('2026-Q4'))).toBe('IV квартал 2026');
    expect(periodLabel(p('2026'))).toBe('2026 год');
  });
});
