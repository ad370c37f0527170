import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type ConsoleEnv, EDITORS, requireRole } from '../auth/context.ts';
import { ApiError } from '../http/api-error.ts';
import { decodeCursor, pageLimit } from './cursor.ts';
import { approveReview, moderationQueue, rejectReview } from './moderation.ts';
import { actorOf, jsonBody } from './request.ts';
import type { ConsoleDeps } from './routes.ts';
import { scopeOf } from './scope.ts';

const small = bodyLimit({
  maxSize: 64 * 1024,
  onError: () => {
    throw new ApiError(413, 'too_large');
  },
});

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
        await jsonBody(c),
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
        await jsonBody(c),
      ),
    ),
  );
  return app;
}
