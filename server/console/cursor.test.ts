import { describe, expect, it } from 'vitest';
import { companyDayStart, isDay, nextDay } from '../company-day.ts';
import { decodeCursor, encodeCursor, pageLimit } from './cursor.ts';

describe('cursor', () => {
  it('round-trips a position and refuses anything else with a 422 naming cursor', () => {
    const p = { at: '2026-11-23T09:00:00.000Z', id: '5d0f…' };
    expect(decodeCursor(encodeCursor(p))).toEqual(p);
    expect(decodeCursor(undefined)).toBeUndefined();
    for (const bad of [
      'garbage',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('{"a":1}').toString('base64url'),
    ]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ status: 422, fields: { cursor: 'invalid' } }));
    }
  });

  it('takes a page size of 1–100', () => {
    expect(pageLimit(undefined)).toBe(50);
    expect(pageLimit('100')).toBe(100);
    for (const bad of ['0', '101', '-1', '1e2', 'ten'])
      expect(() => pageLimit(bad)).toThrow(expect.objectContaining({ status: 422 }));
  });
});

describe('company days', () => {
  it('start at midnight in Moscow', () => {
    expect(companyDayStart('2026-11-01')).toBe('2026-10-31T21:00:00.000Z');
    expect(companyDayStart('2026-01-01')).toBe('2025-12-31T21:00:00.000Z');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect([isDay('2026-02-29'), isDay('2028-02-29'), isDay('2026-13-01'), isDay('2026-1-01')]).toEqual([
      false,
      true,
      false,
      false,
    ]);
  });
});
