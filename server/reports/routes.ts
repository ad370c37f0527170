import { Hono } from 'hono';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { ConsoleEnv } from '../sessions/context.ts';
import { monthlyAnalysis } from './monthly-analysis.ts';
import { periodQuery, reportRequest, weekQuery } from './report-request.ts';
import { weeklyControl } from './weekly-control.ts';

/**
 * The reports under /api/admin/reports: `GET /weekly?week=2026-W44&department=id` (the weekly
 * control) and `GET /monthly?period=2026-10|2026-Q4|2026&department=id` (the analysis beside
 * the period before). Every role reads them; a handler gets his own department's figures.
 */
export function reportsRoutes(deps: { db: Db; clock: Clock }) {
  return new Hono<ConsoleEnv>()
    .get('/weekly', weekQuery, async (c) => {
      const q = c.req.valid('query');
      const { period, department } = await reportRequest(c, deps.db, q.week, q.department);
      return c.json(await weeklyControl(deps.db, deps.clock.now(), period, department));
    })
    .get('/monthly', periodQuery, async (c) => {
      const q = c.req.valid('query');
      const { period, department } = await reportRequest(c, deps.db, q.period, q.department);
      return c.json(await monthlyAnalysis(deps.db, deps.clock.now(), period, department));
    });
}
