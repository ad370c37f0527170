import { expect, it } from 'vitest';
import { parsePeriod } from '../../../../shared/report-periods.ts';
import { companyToday, exportHref, lastEnded, readMonthly, readWeekly, reportHref } from './report-query.ts';

const at = (iso: string) => new Date(iso);

it('takes the company’s day in Moscow, and the last ended week and month across the New Year', () => {
  expect(companyToday(at('2026-12-31T22:30:00Z'))).toBe('2027-01-01');
  expect(lastEnded('week', at('2027-01-04T08:00:00Z')).key).toBe('2026-W53');
  // Sunday evening in Moscow is Monday's week already after midnight.
  expect(lastEnded('week', at('2027-01-03T21:30:00Z')).key).toBe('2026-W53');
  expect(lastEnded('week', at('2027-01-03T20:30:00Z')).key).toBe('2026-W52');
  expect(lastEnded('month', at('2027-01-15T08:00:00Z')).key).toBe('2026-12');
});

it('reads the period from the URL, falling back on a bad one or one of the wrong kind', () => {
  const now = at('2026-11-04T09:00:00Z');
  expect(readWeekly(new URLSearchParams('week=2026-W53&department=d1'), now)).toMatchObject({
    period: { key: '2026-W53', from: '2026-12-28', to: '2027-01-03' },
    department: 'd1',
  });
  expect(readWeekly(new URLSearchParams('week=2026-W54'), now).period.key).toBe('2026-W44');
  expect(readWeekly(new URLSearchParams('week=2026-10'), now).period.key).toBe('2026-W44');
  expect(readMonthly(new URLSearchParams('period=2026-Q4'), now).period.key).toBe('2026-Q4');
  expect(readMonthly(new URLSearchParams('period=2026-W44'), now).period.key).toBe('2026-10');
  expect(readMonthly(new URLSearchParams(''), now)).toMatchObject({ period: { key: '2026-10' }, department: '' });
});

it('writes the screens’ and the files’ URLs, leaving out an empty department', () => {
  const q = { period: parsePeriod('2027-W01')!, department: 'd1' };
  expect(reportHref('weekly', q)).toBe('/admin/reports/weekly?week=2027-W01&department=d1');
  expect(reportHref('monthly', { period: parsePeriod('2026')!, department: '' })).toBe(
    '/admin/reports/monthly?period=2026',
  );
  expect(exportHref('reports/inbox', 'csv', { kind: 'complaint', q: 'а&б' })).toBe(
    '/api/admin/reports/inbox.csv?kind=complaint&q=%D0%B0%26%D0%B1',
  );
});
