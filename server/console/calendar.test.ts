import { afterEach, describe, expect, it } from 'vitest';
import type { CalendarYear } from '../../shared/console-calendar.ts';
import { DB_KINDS } from '../../test/support/databases.ts';
import { loadCalendar } from '../calendar/calendar-store.ts';
import { addWorkingDays, formatInstant } from '../calendar/working-time.ts';
import { consoleHarness, type Harness } from './testing/harness.ts';

let h: Harness;
afterEach(async () => h?.close());

for (const kind of DB_KINDS) {
  describe(`console calendar (${kind})`, () => {
    const audit = async (action: string) =>
      (await h.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute()).map((a) => ({
        ...a,
        details: JSON.parse(a.details),
      }));
    const fields = async (res: Response) => {
      expect(res.status).toBe(422);
      return Object.keys((await res.json()).error.fields).sort();
    };

    it('shows every role a year: the decree’s days, the hours, the totals; a year without data says so', async () => {
      h = await consoleHarness(kind);
      for (const role of ['viewer', 'handler', 'qms', 'admin'] as const) {
        const res = await (await h.as(role)).request('/api/admin/calendar');
        expect(res.status).toBe(200);
      }
      const viewer = await h.as('viewer');
      // The clock is in November 2026: that is the year shown by default.
      const y: CalendarYear = await (await viewer.request('/api/admin/calendar')).json();
      expect(y).toMatchObject({
        year: 2026,
        hasData: true,
        decree: expect.stringContaining('№ 1466'),
        shippedYears: [2025, 2026],
        timeZone: 'Europe/Moscow',
        hours: { start: '09:00', end: '18:00' },
        totals: { workingDays: 247, shortDays: 4, normHours: 1972, workingHours: 247 * 9 - 4 },
      });
      expect(y.days).toHaveLength(18);
      expect(y.days.at(-1)).toEqual({
        day: '2026-12-31',
        type: 'off',
        source: 'decree',
        note: 'Перенос выходного с воскресенья 4 января',
        baseType: 'off',
      });
      expect(y.days.filter((d) => d.type === 'short').map((d) => d.day)).toEqual([
        '2026-04-30',
        '2026-05-08',
        '2026-06-11',
        '2026-11-03',
      ]);

      const next: CalendarYear = await (await viewer.request('/api/admin/calendar?year=2027')).json();
      // Not decreed yet: the Labour Code's days stand in, each saying so.
      expect(next).toMatchObject({ year: 2027, hasData: false, decree: null });
      expect(next.days).toHaveLength(17);
      expect(next.days[0]).toEqual({
        day: '2027-01-01',
        type: 'off',
        source: 'law',
        note: 'Новогодние каникулы',
        baseType: 'off',
      });
      expect(next.days.find((d) => d.day === '2027-05-03')).toMatchObject({
        source: 'law',
        note: 'Перенос выходного с субботы 1 мая (ТК РФ ст. 112)',
      });
      expect(next.totals.workingDays).toBe(249);
      expect(await fields(await viewer.request('/api/admin/calendar?year=20x6'))).toEqual(['year']);
    });

    it('lets admin and QMS change a day and take the change back, audited once per real change', async () => {
      h = await consoleHarness(kind);
      const qms = await h.as('qms');
      const put = (day: string, json: unknown) =>
        qms.request(`/api/admin/calendar/days/${day}`, { method: 'PUT', json });
      const res = await put('2026-06-15', { type: 'off', note: ' Региональный праздник ' });
      expect(res.status).toBe(200);
      const y: CalendarYear = await res.json();
      expect(y.days.find((d) => d.day === '2026-06-15')).toEqual({
        day: '2026-06-15',
        type: 'off',
        source: 'company',
        note: 'Региональный праздник',
        baseType: 'work',
      });
      expect(y.totals.workingDays).toBe(246);
      expect((await put('2026-06-15', { type: 'off', note: 'Региональный праздник' })).status).toBe(200);
      // The company works on the decree's 31 December: the decree's line gives way to the company's.
      const worked: CalendarYear = await (await put('2026-12-31', { type: 'work' })).json();
      expect(worked.days.filter((d) => d.day === '2026-12-31')).toEqual([
        { day: '2026-12-31', type: 'work', source: 'company', note: null, baseType: 'off' },
      ]);
      const sets = await audit('calendar.day_set');
      expect(sets).toHaveLength(2);
      expect(sets[0]).toMatchObject({
        user_id: qms.user.id,
        target_type: 'calendar_day',
        target_id: '2026-06-15',
        details: { day: '2026-06-15', from: null, to: { type: 'off', note: 'Региональный праздник' } },
      });
      // The deadlines follow: three working days from Thursday 11 June skip 12, 15 (company) and the weekend.
      const cal = await loadCalendar(h.db);
      const due = addWorkingDays(cal, new Date('2026-06-11T12:00:00+03:00'), 3);
      expect(formatInstant(cal.timeZone, due)).toBe('2026-06-18T18:00:00+03:00');

      const admin = await h.as('admin');
      const removed = await admin.request('/api/admin/calendar/days/2026-06-15', { method: 'DELETE' });
      expect(removed.status).toBe(200);
      expect(((await removed.json()) as CalendarYear).days.some((d) => d.day === '2026-06-15')).toBe(false);
      expect((await admin.request('/api/admin/calendar/days/2026-06-15', { method: 'DELETE' })).status).toBe(200);
      const removals = await audit('calendar.day_remove');
      expect(removals).toHaveLength(1);
      expect(removals[0]).toMatchObject({
        user_id: admin.user.id,
        details: { day: '2026-06-15', from: { type: 'off', note: 'Региональный праздник' }, to: null },
      });
    });

    it('refuses other roles and wrong input, naming the field', async () => {
      h = await consoleHarness(kind);
      for (const role of ['viewer', 'handler'] as const) {
        const s = await h.as(role);
        const day = await s.request('/api/admin/calendar/days/2026-06-15', { method: 'PUT', json: { type: 'off' } });
        expect(day.status).toBe(403);
        const del = await s.request('/api/admin/calendar/days/2026-06-15', { method: 'DELETE' });
        expect(del.status).toBe(403);
        const hours = await s.request('/api/admin/calendar/hours', {
          method: 'PUT',
          json: { start: '08:00', end: '17:00' },
        });
        expect(hours.status).toBe(403);
      }
      const qms = await h.as('qms');
      const put = (day: string, json: unknown) =>
        qms.request(`/api/admin/calendar/days/${day}`, { method: 'PUT', json });
      expect(await fields(await put('2026-02-30', { type: 'holiday' }))).toEqual(['day', 'type']);
      expect(await fields(await put('2026-06-15', { type: 'off', note: 'x'.repeat(201) }))).toEqual(['note']);
      expect(await fields(await qms.request('/api/admin/calendar/days/someday', { method: 'DELETE' }))).toEqual([
        'day',
      ]);
      expect(await h.db.selectFrom('calendar_days').selectAll().execute()).toEqual([]);
      expect(await audit('calendar.day_set')).toEqual([]);
    });

    it('changes the working hours, audited; the totals count them', async () => {
      h = await consoleHarness(kind);
      const admin = await h.as('admin');
      const hours = (json: unknown) => admin.request('/api/admin/calendar/hours', { method: 'PUT', json });
      expect(await fields(await hours({ start: '25:00', end: '17:00' }))).toEqual(['start']);
      const short = await hours({ start: '09:00', end: '09:30' });
      expect((await short.json()).error.fields).toEqual({
        end: 'Конец рабочего дня — больше чем через час после начала',
      });
      expect(await fields(await hours({}))).toEqual(['end', 'start']);
      const res = await hours({ start: '8:30', end: '17:00' });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ start: '08:30', end: '17:00' });
      const y: CalendarYear = await (await admin.request('/api/admin/calendar?year=2026')).json();
      expect(y.hours).toEqual({ start: '08:30', end: '17:00' });
      expect(y.totals.workingHours).toBe(247 * 8.5 - 4);
      expect(await audit('calendar.hours')).toMatchObject([
        {
          user_id: admin.user.id,
          details: { from: { start: '09:00', end: '18:00' }, to: { start: '08:30', end: '17:00' } },
        },
      ]);
      // A short day closes an hour early by the new hours as well.
      const cal = await loadCalendar(h.db);
      expect(formatInstant(cal.timeZone, addWorkingDays(cal, new Date('2026-04-29T12:00:00+03:00'), 1))).toBe(
        '2026-04-30T16:00:00+03:00',
      );
    });
  });
}
