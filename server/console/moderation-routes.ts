import { Hono } from 'hono';
import { type ConsoleEnv, EDITORS, requireRole } from '../sessions/context.ts';
import { decodeCursor, pageLimit } from './cursor.ts';
import { approveReview, moderationQueue, rejectReview } from './moderation.ts';
import { jsonBody } from '../http/json-body.ts';
import { actorOf } from '../sessions/context.ts';
import type { ConsoleDeps } from './deps.ts';
import { scopeOf } from './scope.ts';
import { FORM_BODY, limitBody } from '../http/body-limit.ts';

const small = limitBody(FORM_BODY);

/** `GET /` the queue, oldest first; `POST /:submissionId/approve` and `/reject` (editors only). */
export function moderationRoutes(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  app.get('/', async (c) => {
    const page = { after: decodeCursor(c.req.query('cursor')), limit: pageLimit(c.req.query('limit')) };
    return c.json(await moderationQueue(deps.db, scopeOf(c.var.user), page));
  });
  app.post('/:submissionId/approve', requireRole(...EDITORS), small, async (c) =>
    c.json(
      await approveReview(
        deps.db,
        deps.clock,
        actorOf(c, deps.config.trustProxy),
        c.req.param('submissionId'),
        await jsonBody(c, { emptyIsObject: true }),
      ),
    ),
  );
  app.post('/:submissionId/reject', requireRole(...EDITORS), small, async (c) =>
    c.json(
      await rejectReview(
        deps.db,
        deps.clock,
        actorOf(c, deps.config.trustProxy),
        c.req.param('submissionId'),
        await jsonBody(c, { emptyIsObject: true }),
      ),
    ),
  );
  return app;
}
