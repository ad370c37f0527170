import { afterEach, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../shared/report-periods.ts';
import { DB_KINDS } from '../../test/support/databases.ts';
import { importCalendarDays } from '../calendar/calendar-store.ts';
import { consoleHarness, type Harness } from '../console/testing/harness.ts';
import { monthlyAnalysis } from './monthly-analysis.ts';
import { msk, november, reportFixtures, setClock } from './testing/fixtures.ts';

let h: Harness;
afterEach(async () => h?.close());

const analysis = (key: string, department: { id: string; name: string } | null = null) =>
  monthlyAnalysis(h.db, h.clock.now(), parsePeriod(key)!, department);
const counts = (items: Array<{ key: string; count: number }>) => Object.fromEntries(items.map((i) => [i.key, i.count]));
const shares = (items: Array<{ key: string; count: number; share: number | null }>) =>
  items.map((i) => [i.key, i.count, i.share]);
const compliance = (
  items: Array<{ due: number; onTime: number; late: number; notDone: number; share: number | null }>,
) => items.map((i) => [i.due, i.onTime, i.late, i.notDone, i.share]);

for (const kind of DB_KINDS) {
  describe(`the monthly analysis (${kind})`, () => {
    it('lets other requests in while it counts months afresh (SQLite answers synchronously)', async () => {
      h = await consoleHarness(kind);
      await november(h);
      let others = 0;
      const tick = () => {
        others++;
        if (!done) setImmediate(tick);
      };
      let done = false;
      setImmediate(tick);
      await analysis('2026');
      done = true;
      // A year beside the year before: 24 months counted, each count a turn given to others.
      expect(others).toBeGreaterThanOrEqual(24);
    });

    it('counts November 2026 beside October, for the company and for one department', async () => {
      h = await consoleHarness(kind);
      const f = await november(h);
      const r = await analysis('2026-11');
      expect(r.asOf).toBe(msk('2026-12-01 00:00'));
      expect(r.current.period).toMatchObject({ key: '2026-11', label: 'Ноябрь 2026' });
      expect(r.previous.period).toMatchObject({ key: '2026-10', label: 'Октябрь 2026' });

      // Received: the suggestion of 1.11 00:30 (31.10 in UTC), K, thanks, 4 ratings, C, A, D, E, B.
      const got = r.current.received;
      expect(got.total).toBe(12);
      expect(got.byKind).toEqual([
        { key: 'thanks', label: 'Благодарность', count: 1 },
        { key: 'complaint', label: 'Жалоба', count: 6 },
        { key: 'suggestion', label: 'Предложение', count: 1 },
        { key: 'rating', label: 'Оценка', count: 4 },
      ]);
      expect(got.byChannel).toEqual([
        { key: 'site', label: 'Сайт', count: 8 },
        { key: 'phone', label: 'Телефон', count: 4 },
      ]);
      // ДКС: K, A, ivanov's two; Логистика: C, D, E (moved there), petrova's; none: the rest.
      expect(got.byDepartment).toEqual([
        { key: 'none', label: 'Без подразделения', count: 4 },
        { key: f.dep.dks, label: 'ДКС', count: 4 },
        { key: f.dep.logistics, label: 'Логистика', count: 4 },
      ]);

      // Closed: D (justified, satisfied, loyal; 24.11 09:00 → 26.11 11:00 = 20 working hours) and
      // K (partly, not satisfied, loyal; 2.11 09:00 → 27.11 12:00 = 164 h: 3.11 is short, 4.11 off).
      const closed = r.current.closed;
      expect(closed.count).toBe(2);
      expect(shares(closed.justification)).toEqual([
        ['justified', 1, 0.5],
        ['partly', 1, 0.5],
        ['unjustified', 0, 0],
        ['none', 0, 0],
      ]);
      expect(shares(closed.satisfied)).toEqual([
        ['yes', 1, 0.5],
        ['no', 1, 0.5],
        ['none', 0, 0],
      ]);
      expect(shares(closed.loyal)).toEqual([
        ['yes', 2, 1],
        ['no', 0, 0],
        ['none', 0, 0],
      ]);
      expect(shares(closed.combinations)).toEqual([
        ['satisfied_loyal', 1, 0.5],
        ['satisfied_not_loyal', 0, 0],
        ['not_satisfied_loyal', 1, 0.5],
        ['not_satisfied_not_loyal', 0, 0],
        ['none', 0, 0],
      ]);
      // (20 + 164) / 2 / 9 h = 10.2 days; K passed its limit (23.11 18:00) and its aim.
      expect([closed.averageDays, closed.medianDays]).toEqual([10.2, 10.2]);
      expect([closed.withinLimit.count, closed.withinLimit.share]).toEqual([1, 0.5]);
      expect([closed.withinTarget.count, closed.withinTarget.share]).toEqual([1, 0.5]);

      // Deadlines that fell in November: 1.1 of K, C, A, D on time, E and B not done; 1.2 A late;
      // 1.3 K late (due 6.11), A and E not done; 1.4 K, D; 1.5 K late, D; 1.6 K late.
      expect(compliance(r.current.compliance)).toEqual([
        [6, 4, 0, 2, 4 / 6],
        [6, 3, 1, 2, 0.5],
        [5, 2, 1, 2, 0.4],
        [2, 2, 0, 0, 1],
        [2, 1, 1, 0, 0.5],
        [1, 0, 1, 0, 0],
      ]);

      const ratings = r.current.ratings;
      expect(ratings.employees).toEqual([
        {
          key: 'ivanov',
          label: 'Иванов Иван',
          count: 2,
          average: 4.5,
          scores: [0, 0, 0, 1, 1],
          byMonth: [{ month: '2026-11', count: 2, average: 4.5 }],
        },
        {
          key: 'petrova',
          label: 'Петрова Анна',
          count: 1,
          average: 2,
          scores: [0, 1, 0, 0, 0],
          byMonth: [{ month: '2026-11', count: 1, average: 2 }],
        },
      ]);
      expect(ratings.departments.map((d) => [d.key, d.label, d.count, d.average])).toEqual([
        [f.dep.dks, 'ДКС', 2, 4.5],
        [f.dep.logistics, 'Логистика', 1, 2],
      ]);
      expect(ratings.subjects.map((s) => [s.key, s.label, s.count, s.average, s.scores])).toEqual([
        ['delivery', 'Качество доставки', 1, 3, [0, 0, 1, 0, 0]],
      ]);

      // October: only the thanks of 31.10 23:30; nothing closed or due: shares null.
      const oct = r.previous;
      expect([oct.received.total, counts(oct.received.byKind)]).toEqual([
        1,
        { thanks: 1, complaint: 0, suggestion: 0, rating: 0 },
      ]);
      expect(oct.closed.count).toBe(0);
      expect(oct.closed.justification.every((s) => s.count === 0 && s.share === null)).toBe(true);
      expect([oct.closed.averageDays, oct.closed.medianDays, oct.closed.withinLimit.share]).toEqual([null, null, null]);
      expect(oct.compliance.every((c) => c.due === 0 && c.share === null)).toBe(true);
      expect(oct.ratings).toEqual({ employees: [], departments: [], subjects: [] });

      // ДКС alone: K, A and ivanov's ratings received; K closed.
      const dks = await analysis('2026-11', { id: f.dep.dks, name: 'ДКС' });
      expect(dks.department).toEqual({ id: f.dep.dks, name: 'ДКС' });
      expect([dks.current.received.total, counts(dks.current.received.byKind)]).toEqual([
        4,
        { thanks: 0, complaint: 2, suggestion: 0, rating: 2 },
      ]);
      expect([dks.current.closed.count, dks.current.closed.averageDays, dks.current.closed.withinLimit.count]).toEqual([
        1, 18.2, 0,
      ]);
      expect(dks.current.ratings.employees.map((e) => e.key)).toEqual(['ivanov']);
      expect(dks.current.ratings.subjects).toEqual([]);
      // E moved to Логистика: its steps count there, not in ДКС: 1.1 of K and A only.
      expect(dks.current.compliance[0]).toMatchObject({ due: 2, onTime: 2, notDone: 0 });
    });

    it('counts a complaint in the month it was received, however late it was registered', async () => {
      h = await consoleHarness(kind);
      const f = await november(h); // the clock stops at 2.12.2026 12:00
      const before = { nov: (await analysis('2026-11')).current, dec: (await analysis('2026-12')).current };
      // A letter of 30 November registered on 2 December, and a thanks of today turned complaint.
      await f.register(f.dep.dks, 'letter', '2026-11-30 17:00');
      const nov = (await analysis('2026-11')).current;
      const dec = (await analysis('2026-12')).current;
      expect([nov.received.total, dec.received.total]).toEqual([
        before.nov.received.total + 1,
        before.dec.received.total,
      ]);
      expect(counts(nov.received.byChannel)).toMatchObject({ letter: 1 });
      expect(counts(nov.received.byDepartment)[f.dep.dks]).toBe(
        counts(before.nov.received.byDepartment)[f.dep.dks]! + 1,
      );
      // A thanks found to be a complaint: counted when it came, as a complaint now.
      setClock(h, '2026-12-02 13:00');
      const { id } = await h.feedback({ kind: 'thanks', message: 'Спасибо, но доставка опоздала' });
      setClock(h, '2026-12-03 10:00');
      const asThanks = (await analysis('2026-12')).current.received;
      await f.change(id, { kind: 'complaint' });
      const asComplaint = (await analysis('2026-12')).current.received;
      expect(asThanks.total).toBe(dec.received.total + 1);
      expect(asComplaint.total).toBe(asThanks.total);
      expect(counts(asComplaint.byKind)).toEqual({
        ...counts(asThanks.byKind),
        thanks: counts(asThanks.byKind).thanks! - 1,
        complaint: counts(asThanks.byKind).complaint! + 1,
      });
      // A one-star rating made a complaint: one message of its client's, counted as the complaint.
      const low = await h.rating({ score: 1, comment: 'Не перезвонил' });
      const asRating = (await analysis('2026-12')).current.received;
      const made = await (await h.as('qms')).request(`/api/admin/submissions/${low.id}/complaint`, { method: 'POST' });
      expect(made.status).toBe(201);
      const asItsComplaint = (await analysis('2026-12')).current.received;
      expect(asItsComplaint.total).toBe(asRating.total);
      expect(counts(asItsComplaint.byKind)).toEqual({
        ...counts(asRating.byKind),
        rating: counts(asRating.byKind).rating! - 1,
        complaint: counts(asRating.byKind).complaint! + 1,
      });
    });

    it('counts a kept month again when a complaint in it is found to be a suggestion', async () => {
      h = await consoleHarness(kind);
      const f = await november(h); // the clock stops at 2.12.2026 12:00: November is kept once counted
      const due = async () => (await analysis('2026-11')).current.compliance.reduce((sum, step) => sum + step.due, 0);
      // A letter of Friday 30 October, 17:00, registered now: most of its steps fell due in November.
      const letter = await f.register(f.dep.dks, 'letter', '2026-10-30 17:00');
      const before = await due();
      expect(await due()).toBe(before); // read from the kept month
      const received = async (month: string) => counts((await analysis(month)).current.received.byKind);
      const [october, december] = [await received('2026-10'), await received('2026-12')];
      await f.change(letter, { kind: 'suggestion' });
      // Counted again, not read from the month kept before: its steps no longer fall due.
      expect(await due()).toBeLessThan(before);
      // Still received when the letter came, in October, not in December when it was typed in.
      expect(await received('2026-10')).toEqual({
        ...october,
        complaint: october.complaint! - 1,
        suggestion: october.suggestion! + 1,
      });
      expect(await received('2026-12')).toEqual(december);
    });

    it('counts a step done ahead of a deadline still to come as met in the running month, as the weekly control does', async () => {
      h = await consoleHarness(kind);
      const f = await reportFixtures(h);
      setClock(h, '2026-12-07 10:00'); // Monday: 1.1 due 11:00, 1.3 due 10.12 18:00
      const id = await f.register(f.dep.dks);
      const before = (await analysis('2026-12')).current.compliance;
      expect(before.every((c) => c.due === 0)).toBe(true);
      setClock(h, '2026-12-07 10:40');
      await f.step(id, '1.1', '2026-12-07 10:20');
      await f.step(id, '1.3', '2026-12-07 10:30');
      const now = (await analysis('2026-12')).current.compliance;
      expect(compliance(now).slice(0, 3)).toEqual([
        [1, 1, 0, 0, 1],
        [0, 0, 0, 0, null],
        [1, 1, 0, 0, 1],
      ]);
    });

    it('counts each responsible person’s closings and deadlines met, and again once a complaint passes to another', async () => {
      h = await consoleHarness(kind);
      const f = await reportFixtures(h);
      setClock(h, '2026-11-02 09:00'); // Monday
      const X = await f.register(f.dep.dks);
      const Y = await f.register(f.dep.dks);
      await f.responsible(X, f.user.id);
      setClock(h, '2026-11-09 12:00');
      await f.step(X, '1.1', '2026-11-02 09:30');
      await f.step(X, '1.2', '2026-11-02 13:00'); // due 12:00: late
      await f.step(X, '1.3', '2026-11-03 10:00');
      await f.agree(X, '2026-11-05');
      await f.step(X, '1.4', '2026-11-05 12:00');
      await f.step(X, '1.5', '2026-11-06 12:00');
      await f.classify(X, { justification: 'justified', satisfied: true, loyal: false });
      await f.close(X);
      setClock(h, '2026-12-02 12:00'); // November is over: kept once counted
      const inNovember = async () =>
        (await analysis('2026-11')).current.responsibles.map((r) => ({
          label: r.label,
          closed: r.closed,
          limit: r.withinLimit.count,
          target: r.withinTarget.count,
          satisfied: r.satisfied.share,
          loyal: r.loyal.share,
          due: r.due,
          onTime: r.onTime.count,
        }));
      // X: its six steps fell due in November, 1.2 late; Y: nothing done, 1.1–1.3 and 1.6 overdue.
      expect(await inNovember()).toEqual([
        { label: 'Смирнова Ольга', closed: 1, limit: 1, target: 1, satisfied: 1, loyal: 0, due: 6, onTime: 5 },
        {
          label: 'Ответственный не назначен',
          closed: 0,
          limit: 0,
          target: 0,
          satisfied: null,
          loyal: null,
          due: 4,
          onTime: 0,
        },
      ]);
      await f.responsible(Y, f.user.id);
      expect(await inNovember()).toEqual([
        { label: 'Смирнова Ольга', closed: 1, limit: 1, target: 1, satisfied: 1, loyal: 0, due: 10, onTime: 5 },
      ]);
      // Renamed: today's name, in the month kept too.
      await h.db.updateTable('users').set({ name: 'Смирнова-Котова Ольга' }).where('id', '=', f.user.id).execute();
      expect((await inNovember())[0]!.label).toBe('Смирнова-Котова Ольга');
    });

    it('counts a quarter by month and an empty quarter before it', async () => {
      h = await consoleHarness(kind);
      await november(h);
      const r = await analysis('2026-Q4');
      expect(r.current.period).toMatchObject({ from: '2026-10-01', to: '2026-12-31', label: 'IV квартал 2026' });
      expect(r.asOf).toBe(msk('2026-12-02 12:00'));
      // October's thanks, November's 12 and F of 2 December.
      expect(r.current.received.total).toBe(14);
      expect(r.current.ratings.employees[0]!.byMonth).toEqual([
        { month: '2026-10', count: 0, average: null },
        { month: '2026-11', count: 2, average: 4.5 },
        { month: '2026-12', count: 0, average: null },
      ]);
      // An employee renamed since: his new name, also from the months kept under the old one.
      const rated = r.current.ratings.employees[0]!;
      await h.db
        .updateTable('employees')
        .set({ name: 'Смирнов-Петров Алексей' })
        .where('slug', '=', rated.key)
        .execute();
      const renamed = (await analysis('2026-Q4')).current.ratings.employees;
      expect(renamed.find((e) => e.key === rated.key)?.label).toBe('Смирнов-Петров Алексей');
      const q3 = r.previous;
      expect(q3.period.key).toBe('2026-Q3');
      expect(q3.received).toEqual({
        total: 0,
        byKind: [
          { key: 'thanks', label: 'Благодарность', count: 0 },
          { key: 'complaint', label: 'Жалоба', count: 0 },
          { key: 'suggestion', label: 'Предложение', count: 0 },
          { key: 'rating', label: 'Оценка', count: 0 },
        ],
        byChannel: [],
        byDepartment: [],
      });
      expect(q3.closed.count).toBe(0);
      expect(q3.closed.withinTarget.share).toBeNull();
    });

    it('splits periods at midnight in Moscow across the New Year: year, quarter and month', async () => {
      h = await consoleHarness(kind);
      const newYear = Array.from({ length: 8 }, (_, i) => ({ day: `2027-01-0${i + 1}`, type: 'off' as const }));
      await importCalendarDays(h.db, h.clock, 'cli', newYear);
      const f = await reportFixtures(h);
      setClock(h, '2026-12-28 10:00');
      await f.site(f.dep.dks);
      setClock(h, '2026-12-30 17:30');
      await f.site();
      setClock(h, '2026-12-31 23:30');
      await h.rating({ score: 5 });
      setClock(h, '2027-01-01 00:30'); // still 31 December in UTC
      await h.rating({ score: 3 });
      setClock(h, '2027-01-02 12:00');
      await h.feedback({ kind: 'thanks', message: 'С Новым годом!' });
      await f.site();
      setClock(h, '2027-01-12 12:00');

      for (const key of ['2027', '2027-Q1', '2027-01']) {
        const r = await analysis(key);
        expect(counts(r.current.received.byKind), key).toEqual({ thanks: 1, complaint: 1, suggestion: 0, rating: 1 });
        expect(counts(r.previous.received.byKind), key).toEqual({ thanks: 0, complaint: 2, suggestion: 0, rating: 1 });
        expect(r.current.ratings.employees[0]).toMatchObject({ key: 'ivanov', count: 1, average: 3 });
        expect(r.previous.ratings.employees[0]).toMatchObject({ key: 'ivanov', count: 1, average: 5 });
      }
      const year = await analysis('2027');
      expect(year.previous.period.label).toBe('2026 год');
      expect(year.current.ratings.employees[0]!.byMonth).toHaveLength(12);
      expect(year.current.ratings.employees[0]!.byMonth[0]).toEqual({ month: '2027-01', count: 1, average: 3 });
      expect(year.previous.ratings.employees[0]!.byMonth[11]).toEqual({ month: '2026-12', count: 1, average: 5 });
      // Due by now (12.01 12:00) in 2027: 1.1 and 1.2 of the complaints of 30.12 and 2.01 (11 January),
      // 1.3 of the one of 28.12 (11 January 18:00); in 2026 its 1.1 and 1.2 (28 December).
      expect(compliance(year.current.compliance).map((c) => c.slice(0, 4))).toEqual([
        [2, 0, 0, 2],
        [2, 0, 0, 2],
        [1, 0, 0, 1],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ]);
      expect(year.previous.compliance.map((c) => c.due)).toEqual([1, 1, 0, 0, 0, 0]);
      const q1 = await analysis('2027-Q1');
      expect([q1.current.period.label, q1.previous.period.label]).toEqual(['I квартал 2027', 'IV квартал 2026']);
      const jan = await analysis('2027-01');
      expect(jan.previous.period.label).toBe('Декабрь 2026');
    });
  });
}
