import { Hono } from 'hono';
import type { ConsoleDeps } from '../console/deps.ts';
import type { ConsoleEnv } from '../sessions/context.ts';
import { requireSession } from '../sessions/require-session.ts';
import { reportExportRoutes } from './export/export-routes.ts';
import { monthlyAnalysis } from './monthly-analysis.ts';
import { reportsRoutes } from './routes.ts';
import { weeklyControl } from './weekly-control.ts';

/**
 * The reports, mounted at `/api/admin/reports` beside the console's API (not inside it: the
 * inbox export reads the console's inbox query, so the console must not import the reports):
 * the figures as JSON (routes.ts) and as CSV/XLSX files (export/). Every route needs a session.
 * @example app.route('/api/admin/reports', reportsApi(consoleDeps))
 */
export function reportsApi(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  app.use('*', requireSession(deps));
  app.route('/', reportsRoutes(deps));
  app.route(
    '/',
    reportExportRoutes(deps, {
      weekly: (period, department) => weeklyControl(deps.db, deps.clock.now(), period, department),
      monthly: (period, department) => monthlyAnalysis(deps.db, deps.clock.now(), period, department),
    }),
  );
  return app;
}
