import { Hono } from 'hono';
import { FORM_BODY, limitBody } from '../http/body-limit.ts';
import { z } from 'zod';
import { oneOfParam } from '../http/query-params.ts';
import { anyFields, validQuery } from '../http/validate.ts';
import { actorOf, type ConsoleEnv, EDITORS, requireRole } from '../sessions/context.ts';
import { pageQuery } from '../http/cursor.ts';
import type { ConsoleDeps } from './deps.ts';
import { moderationQueue } from './moderation.ts';
import { approveReview, rejectReview, unpublishReview } from './moderation-decisions.ts';
import { scopeOf } from './scope.ts';

const small = limitBody(FORM_BODY);

/** The queue's query: `list` (`pending`, the default, or `published`) and the page. */
const QUEUE_QUERY = z.object({ list: oneOfParam(['pending', 'published'] as const), ...pageQuery() });

/**
 * `GET /` the queue, oldest first (`?list=published`: the published reviews, newest first);
 * `POST /:submissionId/approve`, `/reject` and `/unpublish` (editors only).
 */
export function moderationRoutes(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  app.get('/', validQuery(QUEUE_QUERY), async (c) => {
    const { list, cursor, limit } = c.req.valid('query');
    return c.json(await moderationQueue(deps.db, scopeOf(c.var.user), { after: cursor, limit }, list));
  });
  // Approval may carry the review's edited text; a refusal or a withdrawal, its reason.
  for (const [action, decide, known] of [
    ['approve', approveReview, ['text']],
    ['reject', rejectReview, ['reason']],
    ['unpublish', unpublishReview, ['reason']],
  ] as const) {
    app.post(`/:submissionId/${action}`, requireRole(...EDITORS), small, anyFields(known), async (c) =>
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
