import { Hono } from 'hono';
import { FORM_BODY, limitBody } from '../http/body-limit.ts';
import { anyFields } from '../http/validate.ts';
import { actorOf, type ConsoleEnv, EDITORS, requireRole } from '../sessions/context.ts';
import { decodeCursor, pageLimit } from './cursor.ts';
import type { ConsoleDeps } from './deps.ts';
import { moderationQueue, readModerationList } from './moderation.ts';
import { approveReview, rejectReview, unpublishReview } from './moderation-decisions.ts';
import { scopeOf } from './scope.ts';

const small = limitBody(FORM_BODY);

/**
 * `GET /` the queue, oldest first (`?list=published`: the published reviews, newest first);
 * `POST /:submissionId/approve`, `/reject` and `/unpublish` (editors only).
 */
export function moderationRoutes(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  app.get('/', async (c) => {
    const list = readModerationList(c.req.query('list'));
    const page = { after: decodeCursor(c.req.query('cursor')), limit: pageLimit(c.req.query('limit')) };
    return c.json(await moderationQueue(deps.db, scopeOf(c.var.user), page, list));
  });
  for (const [action, decide] of [
    ['approve', approveReview],
    ['reject', rejectReview],
    ['unpublish', unpublishReview],
  ] as const) {
    app.post(`/:submissionId/${action}`, requireRole(...EDITORS), small, anyFields(), async (c) =>
      c.json(
        await decide(
          deps.db,
          deps.clock,
          actorOf(c, deps.config.trustProxy),
          c.req.param('submissionId'),
          c.req.valid('json'),
        ),
      ),
    );
  }
  return app;
}
