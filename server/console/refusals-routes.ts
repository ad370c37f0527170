import { Hono } from 'hono';
import type { RefusalsAnswer } from '../../shared/console-refusals.ts';
import { listRefusals } from '../refusals.ts';
import { z } from 'zod';
import { validQuery } from '../http/validate.ts';
import { type ConsoleEnv, requireRole } from '../sessions/context.ts';
import type { ConsoleDeps } from './deps.ts';

/**
 * `GET /refusals?days=30` under /api/admin: how many public requests were refused by day and
 * reason (1–365 days, 30 by default), for whoever watches the forms: admins, the QMS, viewers.
 */
export function refusalsRoutes(deps: ConsoleDeps) {
  return new Hono<ConsoleEnv>().get(
    '/',
    requireRole('admin', 'qms', 'viewer'),
    validQuery(REFUSALS_QUERY),
    async (c) => {
      const { days } = c.req.valid('query');
      const since = new Date(deps.clock.now().getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
      const answer: RefusalsAnswer = { since, days, items: await listRefusals(deps.db, since) };
      return c.json(answer);
    },
  );
}

/** `?days=`: whole days from 1 to 365, 30 when absent or empty; anything else is 422 naming `days`. */
const REFUSALS_QUERY = z.object({
  days: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || '30')
    .pipe(z.string().regex(/^\d{1,3}$/))
    .transform(Number)
    .pipe(z.number().min(1).max(365)),
});
