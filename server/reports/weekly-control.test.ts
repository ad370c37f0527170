import { afterEach, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../shared/report-periods.ts';
import { DB_KINDS } from '../../test/support/databases.ts';
import { importCalendarDays } from '../calendar/calendar-store.ts';
import { consoleHarness, type Harness } from '../console/testing/harness.ts';
import { msk, november, reportFixtures, setClock } from './testing/fixtures.ts';
import { weeklyControl } from './weekly-control.ts';

let h: Harness;
afterEach(async () => h?.close());

const week = (key: string) => parsePeriod(key)!;
const steps = (r: Awaited<ReturnType<typeof weeklyControl>>, field: 'open' | 'overdue' | 'doneOnTime' | 'doneLate') =>
  r.steps.map((s) => s[field]);

for (const kind of DB_KINDS) {
  describe(`the weekly control (${kind})`, () => {
    it('says since when a step is overdue when no working minute has passed since its deadline', async () => {
      h = await consoleHarness(kind);
      const f = await reportFixtures(h);
      setClock(h, '2026-11-27 17:00'); // Friday: 1.1 due at 18:00
      const late = await f.register(null);
      setClock(h, '2026-11-30 10:00');
      const r = await weeklyControl(h.db, h.clock.now(), week('2026-W48'), null);
      expect(r.overdue.map((o) => [o.id, o.overdueWorkingMinutes, o.overdueText])).toEqual([
        [late, 0, 'с 27.11.2026 18:00 МСК'],
      ]);
    });

    it('counts week 48 of 2026 at its end, by department and step, the overdue longest first', async () => {
      h = await consoleHarness(kind);
      const f = await november(h);
      const names = { dks: { id: f.dep.dks, name: 'ДКС' }, logistics: { id: f.dep.logistics, name: 'Логистика' } };
      const r = await weeklyControl(h.db, h.clock.now(), week('2026-W48'), null);

      expect(r.period).toMatchObject({ key: '2026-W48', label: 'Неделя 48: 23.11.2026 – 29.11.2026' });
      expect(r.asOf).toBe(msk('2026-11-30 00:00'));
      // Received A, D, E, B; closed D and K (27.11); open at the end C, A, E, B; overdue A (1.3), E (1.1, 1.2), B (1.1).
      expect(r.totals).toEqual({ received: 4, open: 4, closed: 2, overdue: 3 });
      expect(r.byDepartment).toEqual([
        { department: names.dks, received: 1, open: 1, closed: 1, overdue: 1 },
        // E was received in ДКС and moved: it counts in Логистика only.
        { department: names.logistics, received: 2, open: 2, closed: 1, overdue: 1 },
        { department: null, received: 1, open: 1, closed: 0, overdue: 1 },
      ]);
      // First step not done: E, B at 1.1; A at 1.3; C at 1.4. Overdue on: E and B 1.1, E 1.2, A 1.3.
      expect(steps(r, 'open')).toEqual([2, 0, 1, 1, 0, 0]);
      expect(steps(r, 'overdue')).toEqual([2, 1, 1, 0, 0, 0]);
      // Done in the week: A 1.1 on time, 1.2 late; D every step on time; K 1.5 (25.11, due 24.11)
      // and 1.6 (27.11 on closing, due 23.11) late. C's were done in week 47, K's others before.
      expect(steps(r, 'doneOnTime')).toEqual([2, 1, 1, 1, 1, 1]);
      expect(steps(r, 'doneLate')).toEqual([0, 1, 0, 0, 1, 1]);
      expect(r.steps[0]!.title).toBe('Приём претензии ответственным в работу');

      // E: 1.1 due Wed 25.11 13:00 → 5 h that day + Thu + Fri = 23 working hours = 2 days of 9 h and 5 h.
      // A: 1.3 due Thu 26.11 18:00 → Friday = 9 h. B: 1.1 due Fri 27.11 16:50 → 70 minutes.
      expect(r.overdue.map((o) => [o.id, o.step, o.dueAt, o.overdueWorkingMinutes, o.overdueText])).toEqual([
        [f.E, '1.1', msk('2026-11-25 13:00'), 1380, '2 р. д. 5 ч'],
        [f.A, '1.3', msk('2026-11-26 18:00'), 540, '1 р. д.'],
        [f.B, '1.1', msk('2026-11-27 16:50'), 70, '1 ч 10 мин'],
      ]);
      const a = r.overdue[1]!;
      expect(a).toMatchObject({
        department: names.dks,
        responsible: { id: f.user.id, name: 'Смирнова Ольга' },
        client: 'ООО «Ромашка»',
        receivedAt: msk('2026-11-23 10:00'),
      });
      expect(r.overdue[0]).toMatchObject({ department: names.logistics, responsible: null, client: 'Клиент' });
      expect(r.overdue[2]!.department).toBeNull();

      // One department: its own figures only.
      const l = await weeklyControl(h.db, h.clock.now(), week('2026-W48'), names.logistics);
      expect(l.department).toEqual(names.logistics);
      expect(l.totals).toEqual({ received: 2, open: 2, closed: 1, overdue: 1 });
      expect(l.byDepartment).toHaveLength(1);
      expect(l.overdue.map((o) => o.id)).toEqual([f.E]);
      expect(steps(l, 'doneOnTime')).toEqual([1, 1, 1, 1, 1, 1]);

      // The running week 49 is counted now (Wed 2.12 12:00): F received at 10:00, its 1.1 overdue
      // since 11:00; E's 1.1 by 23 h to Friday, Monday and Tuesday 18 h, Wednesday 3 h.
      const now = await weeklyControl(h.db, h.clock.now(), week('2026-W49'), null);
      expect(now.asOf).toBe(msk('2026-12-02 12:00'));
      expect(now.totals).toEqual({ received: 1, open: 5, closed: 0, overdue: 4 });
      expect(now.overdue[0]).toMatchObject({ id: f.E, step: '1.1', overdueWorkingMinutes: 2640 });
      expect(now.overdue.at(-1)).toMatchObject({ id: f.F, step: '1.1', overdueWorkingMinutes: 60, overdueText: '1 ч' });
    });

    it('leaves out a complaint found to be a suggestion: not received, open or overdue, its steps not to be marked', async () => {
      h = await consoleHarness(kind);
      const f = await reportFixtures(h);
      setClock(h, '2026-11-23 10:00');
      const kept = await f.register(f.dep.dks);
      const idea = await f.register(f.dep.dks);
      setClock(h, '2026-11-23 10:45');
      await f.step(idea, '1.1', '2026-11-23 10:30');
      setClock(h, '2026-11-25 12:00');
      await f.change(idea, { kind: 'suggestion' });
      const r = await weeklyControl(h.db, h.clock.now(), week('2026-W48'), null);
      expect(r.totals).toEqual({ received: 1, open: 1, closed: 0, overdue: 1 });
      expect(r.overdue.map((o) => o.id)).toEqual([kept]);
      expect(steps(r, 'doneOnTime')).toEqual([0, 0, 0, 0, 0, 0]);
      await expect(f.step(idea, '1.2', '2026-11-25 11:00')).rejects.toThrow(/422 .*Это действие только для жалоб/);
      // A call recorded as the first contact stays a call: its step 1.2 is not marked.
      await f.call(idea, { summary: 'Обсудили предложение', at: msk('2026-11-25 11:30'), firstContact: true });
      const step12 = await h.db
        .selectFrom('complaint_steps')
        .select('done_at')
        .where('complaint_id', '=', idea)
        .where('step', '=', '1.2')
        .executeTakeFirstOrThrow();
      expect(step12.done_at).toBeNull();
      // Due as a suggestion by the date its client was told at registration: step 1.3's.
      const row = await h.db
        .selectFrom('submissions')
        .select('answer_due_at')
        .where('id', '=', idea)
        .executeTakeFirstOrThrow();
      expect(row.answer_due_at).toBe(msk('2026-11-26 18:00'));
      // Made a complaint again, it is back with its steps as they were.
      await f.change(idea, { kind: 'complaint' });
      const back = await weeklyControl(h.db, h.clock.now(), week('2026-W48'), null);
      expect(back.totals).toMatchObject({ received: 2, open: 2 });
      expect(steps(back, 'doneOnTime')).toEqual([1, 0, 0, 0, 0, 0]);
    });

    it('gives a complaint made one again in the department it moved to meanwhile that department’s responsible', async () => {
      h = await consoleHarness(kind);
      const f = await reportFixtures(h);
      const dksHandler = await h.as('handler', f.dep.dks);
      const logisticsHandler = await h.as('handler', f.dep.logistics);
      for (const [dep, user] of [
        [f.dep.dks, dksHandler],
        [f.dep.logistics, logisticsHandler],
      ] as const)
        await h.db
          .updateTable('departments')
          .set({ responsible_user_id: user.user.id })
          .where('id', '=', dep)
          .execute();
      setClock(h, '2026-11-23 10:00');
      const id = await f.register(f.dep.dks);
      const responsible = async () =>
        (
          await h.db
            .selectFrom('complaints')
            .select('responsible_user_id')
            .where('submission_id', '=', id)
            .executeTakeFirstOrThrow()
        ).responsible_user_id;
      expect(await responsible()).toBe(dksHandler.user.id);
      await f.change(id, { kind: 'suggestion' });
      await f.change(id, { departmentId: f.dep.logistics });
      expect(await responsible()).toBe(dksHandler.user.id); // a suggestion has no responsible to move
      await f.change(id, { kind: 'complaint' });
      expect(await responsible()).toBe(logisticsHandler.user.id);
    });

    it('answers an empty week with zeros and no list', async () => {
      h = await consoleHarness(kind);
      await november(h);
      const r = await weeklyControl(h.db, h.clock.now(), week('2026-W10'), null);
      expect(r.totals).toEqual({ received: 0, open: 0, closed: 0, overdue: 0 });
      expect(r.byDepartment).toEqual([]);
      expect(r.overdue).toEqual([]);
      expect(r.steps.every((s) => s.open + s.overdue + s.doneOnTime + s.doneLate === 0)).toBe(true);
    });

    it('counts week 53 across the New Year: 28.12.2026 – 03.01.2027, on the holidays the company entered', async () => {
      h = await consoleHarness(kind);
      const newYear = Array.from({ length: 8 }, (_, i) => ({ day: `2027-01-0${i + 1}`, type: 'off' as const }));
      await importCalendarDays(h.db, h.clock, 'cli', newYear);
      const f = await reportFixtures(h);
      setClock(h, '2026-12-21 10:00');
      const W52 = await f.register(f.dep.dks); // week 52: not received in week 53, but open at its end
      setClock(h, '2026-12-28 10:00');
      const H = await f.site(f.dep.dks);
      setClock(h, '2026-12-30 17:30');
      const G = await f.site();
      setClock(h, '2027-01-02 12:00');
      const J = await f.site();
      setClock(h, '2027-01-04 09:00');
      await f.site(); // week 1 of 2027
      setClock(h, '2027-01-12 12:00');

      const r = await weeklyControl(h.db, h.clock.now(), week('2026-W53'), null);
      expect(r.period).toMatchObject({
        from: '2026-12-28',
        to: '2027-01-03',
        label: 'Неделя 53: 28.12.2026 – 03.01.2027',
      });
      expect(r.asOf).toBe(msk('2027-01-04 00:00'));
      expect(r.totals).toEqual({ received: 3, open: 4, closed: 0, overdue: 2 });
      // H's 1.1 was due Mon 28.12 11:00: 7 h that day, 29 and 30 December (31 December is off) = 25 h.
      // G and J wait for 11 January; the week-52 complaint's 1.1 and 1.2 are long overdue.
      const h1 = r.overdue.find((o) => o.id === H)!;
      expect([h1.step, h1.overdueWorkingMinutes, h1.overdueText]).toEqual(['1.1', 1500, '2 р. д. 7 ч']);
      expect(r.overdue.map((o) => o.id)).not.toContain(G);
      expect(r.overdue.map((o) => o.id)).not.toContain(J);
      // The week-52 one: 1.1 due Mon 21.12 11:00 → 7 h, 22–25 December 36 h, 28–30 December 27 h = 70 h.
      expect(r.overdue[0]).toMatchObject({ id: W52, overdueWorkingMinutes: 4200, overdueText: '7 р. д. 7 ч' });

      const next = await weeklyControl(h.db, h.clock.now(), week('2027-W01'), null);
      expect(next.period.from).toBe('2027-01-04');
      expect(next.totals.received).toBe(1);
    });
  });
}
