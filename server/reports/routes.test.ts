import { afterEach, describe, expect, it } from 'vitest';
import type { MonthlyAnalysis, WeeklyControl } from '../../shared/console-reports.ts';
import { DB_KINDS } from '../../test/support/databases.ts';
import { consoleHarness, type Harness } from '../console/testing/harness.ts';
import { november } from './testing/fixtures.ts';

let h: Harness;
afterEach(async () => h?.close());

for (const kind of DB_KINDS) {
  describe(`GET /api/admin/reports (${kind})`, () => {
    it("gives a handler his own department's figures whatever he asks, the others any scope", async () => {
      h = await consoleHarness(kind);
      const f = await november(h);
      const dks = { id: f.dep.dks, name: 'ДКС' };
      const handler = await h.as('handler', f.dep.dks);

      let res = await handler.request(`/api/admin/reports/weekly?week=2026-W48&department=${f.dep.logistics}`);
      expect(res.status).toBe(200);
      const weekly: WeeklyControl = await res.json();
      expect(weekly.department).toEqual(dks);
      // ДКС in week 48: A received, open and overdue; K closed.
      expect(weekly.totals).toEqual({ received: 1, open: 1, closed: 1, overdue: 1 });
      expect(weekly.overdue.map((o) => o.id)).toEqual([f.A]);
      expect(JSON.stringify(weekly)).not.toContain(f.E);

      res = await handler.request('/api/admin/reports/monthly?period=2026-11');
      const monthly: MonthlyAnalysis = await res.json();
      expect(monthly.department).toEqual(dks);
      expect(monthly.current.received.total).toBe(4);
      expect(monthly.current.received.byDepartment.map((d) => d.key)).toEqual([f.dep.dks]);

      const viewer = await h.as('viewer');
      const all: WeeklyControl = await (await viewer.request('/api/admin/reports/weekly?week=2026-W48')).json();
      expect([all.department, all.totals]).toEqual([null, { received: 4, open: 4, closed: 2, overdue: 3 }]);
      res = await viewer.request(`/api/admin/reports/monthly?period=2026-Q4&department=${f.dep.logistics}`);
      expect(((await res.json()) as MonthlyAnalysis).department).toEqual({ id: f.dep.logistics, name: 'Логистика' });

      // The complaints no department has: B (the site's, 27.11) in week 48, open and overdue.
      const unassigned: WeeklyControl = await (
        await viewer.request('/api/admin/reports/weekly?week=2026-W48&department=none')
      ).json();
      expect(unassigned.department).toEqual({ id: 'none', name: 'Без подразделения' });
      expect(unassigned.totals).toEqual({ received: 1, open: 1, closed: 0, overdue: 1 });
      expect(unassigned.overdue.map((o) => o.id)).toEqual([f.B]);
      const novemberNone: MonthlyAnalysis = await (
        await viewer.request('/api/admin/reports/monthly?period=2026-11&department=none')
      ).json();
      expect(novemberNone.current.received.byDepartment.map((d) => d.key)).toEqual(['none']);
      // As many as the company's report shows in its «Без подразделения» row.
      const allNovember: MonthlyAnalysis = await (
        await viewer.request('/api/admin/reports/monthly?period=2026-11')
      ).json();
      const noneRow = allNovember.current.received.byDepartment.find((d) => d.key === 'none')!;
      expect(noneRow.count).toBeGreaterThan(0);
      expect(novemberNone.current.received.total).toBe(noneRow.count);
      // A handler asking for it still gets his own department.
      expect(
        (
          (await (
            await handler.request('/api/admin/reports/weekly?week=2026-W48&department=none')
          ).json()) as WeeklyControl
        ).department,
      ).toEqual(dks);

      const homeless = await h.as('handler');
      expect((await homeless.request('/api/admin/reports/weekly?week=2026-W48')).status).toBe(403);
    });

    it('answers 422 naming the field for a bad week, period or department', async () => {
      h = await consoleHarness(kind);
      const qms = await h.as('qms');
      const cases: Array<[string, string]> = [
        ['weekly', 'week'],
        ['weekly?week=2026-W54', 'week'],
        ['weekly?week=2026-11', 'week'],
        ['weekly?week=<script>', 'week'],
        ['monthly?period=2026-W44', 'period'],
        ['monthly?period=2026-13', 'period'],
        ['monthly?period=2026-Q5', 'period'],
        ['monthly', 'period'],
        ['weekly?week=2026-W44&department=nope', 'department'],
        ['monthly?period=2026&department=nope', 'department'],
      ];
      for (const [query, field] of cases) {
        const res = await qms.request(`/api/admin/reports/${query}`);
        expect(res.status, query).toBe(422);
        expect(Object.keys((await res.json()).error.fields), query).toEqual([field]);
      }
      // None given is «required», as a form's empty field, not a wrong value.
      for (const query of ['weekly', 'weekly?week=%20', 'monthly?department=nope'])
        expect(Object.values((await (await qms.request(`/api/admin/reports/${query}`)).json()).error.fields)).toEqual([
          'Заполните это поле',
        ]);
      expect((await qms.request('/api/admin/reports/weekly?week=2026-W53')).status).toBe(200);
      expect((await h.app.request('/api/admin/reports/weekly?week=2026-W53')).status).toBe(401);
    });
  });
}
