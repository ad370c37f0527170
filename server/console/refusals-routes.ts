import { Hono } from 'hono';
import type { RefusalsAnswer } from '../../shared/console-refusals.ts';
import { listRefusals } from '../refusals.ts';
import { ApiError } from '../http/api-error.ts';
import { type ConsoleEnv, requireRole } from '../sessions/context.ts';
import type { ConsoleDeps } from './deps.ts';

/**
 * `GET /refusals?days=30` under /api/admin: how many public requests were refused by day and
 * reason (1–365 days, 30 by default), for whoever watches the forms: admins, the QMS, viewers.
 */
export function refusalsRoutes(deps: ConsoleDeps) {
  return new Hono<ConsoleEnv>().get('/', requireRole('admin', 'qms', 'viewer'), async (c) => {
    const given = c.req.query('days')?.trim();
    if (given !== undefined && given !== '' && !/^\d{1,3}$/.test(given))
      throw new ApiError(422, 'validation', { days: 'invalid' });
    const days = given ? Number(given) : 30;
    if (days < 1 || days > 365) throw new ApiError(422, 'validation', { days: 'invalid' });
    const since = new Date(deps.clock.now().getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
    const answer: RefusalsAnswer = { since, days, items: await listRefusals(deps.db, since) };
    return c.json(answer);
  });
}
