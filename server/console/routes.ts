import { Hono } from 'hono';
import type { ConsoleEnv } from '../sessions/context.ts';
import { requireSession } from '../sessions/require-session.ts';
import type { ConsoleDeps } from './deps.ts';
import { calendarRoutes } from './calendar-routes.ts';
import { departmentsRoutes, employeesRoutes, subjectsRoutes } from './directory-routes.ts';
import { complaintRegistration } from './complaint-routes.ts';
import { consoleMeta } from './meta.ts';
import { moderationRoutes } from './moderation-routes.ts';
import { submissionsRoutes } from './submissions-routes.ts';
import { refusalsRoutes } from './refusals-routes.ts';

/**
 * The console's JSON API, mounted at `/api/admin`: the inbox and the card, moderation and the
 * directory. Every route needs a session (and its CSRF token to change anything). The session
 * check is put on each feature's own paths, not on `*`: mounted, a `*` middleware would cover
 * every `/api/admin/*` route, sign-in included.
 * @example app.route('/api/admin', consoleApi({ db, clock, config }))
 */
export function consoleApi(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  const features = {
    '/meta': consoleMeta(deps),
    '/submissions': submissionsRoutes(deps),
    '/complaints': complaintRegistration(deps),
    '/moderation': moderationRoutes(deps),
    '/departments': departmentsRoutes(deps),
    '/employees': employeesRoutes(deps),
    '/subjects': subjectsRoutes(deps),
    '/calendar': calendarRoutes(deps),
    '/refusals': refusalsRoutes(deps),
  };
  const session = requireSession(deps);
  for (const [path, feature] of Object.entries(features)) {
    app.use(path, session);
    app.use(`${path}/*`, session);
    app.route(path, feature);
  }
  return app;
}
