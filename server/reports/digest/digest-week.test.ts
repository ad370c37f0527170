import { describe, expect, it } from 'vitest';
import { dueDigestWeek } from './digest-week.ts';

const due = (iso: string) => dueDigestWeek(new Date(iso))?.key ?? null;

describe('the week whose digest is due', () => {
  it('is none on Monday before 09:00 Moscow time, and the week just ended from 09:00 on', () => {
    // Monday 2 November 2026: 09:00 in Moscow is 06:00 UTC.
    expect(due('2026-11-02T05:59:59.999Z')).toBeNull();
    expect(due('2026-11-02T06:00:00.000Z')).toBe('2026-W44');
    expect(due('2026-11-02T20:59:59.999Z')).toBe('2026-W44');
  });

  it('stays the same week until Sunday ends, then none until the next Monday 09:00', () => {
    expect(due('2026-11-04T12:00:00.000Z')).toBe('2026-W44');
    expect(due('2026-11-08T20:59:59.999Z')).toBe('2026-W44'); // Sunday 23:59:59 in Moscow
    expect(due('2026-11-08T21:00:00.000Z')).toBeNull(); // Monday 00:00 in Moscow
    expect(due('2026-11-09T06:00:00.000Z')).toBe('2026-W45');
  });

  it('names the ISO week across a New Year', () => {
    expect(due('2027-01-04T06:00:00.000Z')).toBe('2026-W53');
    expect(due('2028-01-03T06:00:00.000Z')).toBe('2027-W52');
  });
});
