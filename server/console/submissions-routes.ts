import { Hono } from 'hono';
import type { InboxPage } from '../../shared/console-types.ts';
import { type ConsoleEnv, requireRole } from '../sessions/context.ts';
import { ApiError } from '../http/api-error.ts';
import { CHANGE_FIELDS, changeSubmission } from './card-changes.ts';
import { addComment, COMMENT_FIELDS } from './card-comments.ts';
import { complaintActions } from './complaint-routes.ts';
import { loadCard, visibleCard } from './card.ts';
import { INBOX_QUERY, inboxFilter } from './inbox-filter.ts';
import { countSubmissions, listSubmissions } from './inbox-query.ts';
import { anyFields, validQuery } from '../http/validate.ts';
import { actorOf } from '../sessions/context.ts';
import type { ConsoleDeps } from './deps.ts';
import { scopeOf, visibleFirst, visibleSubmission } from './scope.ts';
import { FORM_BODY, limitBody } from '../http/body-limit.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { contentTypeOf } from '../submissions/store.ts';

const small = limitBody(FORM_BODY);

/**
 * The inbox and the card: `GET /`, `GET /:id`, `GET /:id/attachments/:attachmentId`,
 * `PATCH /:id`, `POST /:id/comments`. A handler sees only his department's submissions; any
 * other is a 404 wherever he asks for it.
 */
export function submissionsRoutes(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  const writers = requireRole('admin', 'qms', 'handler');

  app.get('/', validQuery(INBOX_QUERY), async (c) => {
    const now = deps.clock.now();
    const query = c.req.valid('query');
    const filter = inboxFilter(query, now);
    const scope = scopeOf(c.var.user);
    const page = { after: query.cursor, limit: query.limit };
    const [list, counts] = await Promise.all([
      listSubmissions(deps.db, scope, filter, page, now),
      countSubmissions(deps.db, scope, filter),
    ]);
    const answer: InboxPage = { ...list, counts };
    return c.json(answer);
  });

  app.get('/:id', async (c) => {
    const s = await visibleSubmission(deps.db, c.var.user, c.req.param('id'));
    return c.json(await loadCard(deps.db, s, deps.clock.now(), c.var.user));
  });

  app.get('/:id/attachments/:attachmentId', async (c) => {
    const s = await visibleSubmission(deps.db, c.var.user, c.req.param('id'));
    const file = await deps.db
      .selectFrom('attachments')
      .select(['filename', 'mime', 'size', 'content'])
      .where('id', '=', c.req.param('attachmentId'))
      .where('submission_id', '=', s.id)
      .executeTakeFirst();
    if (!file) throw new ApiError(404, 'not_found');
    // Always a download, never rendered here: a client's file is not our page's content.
    return c.body(new Uint8Array(file.content), 200, {
      'Content-Type': contentTypeOf(file.mime),
      'Content-Length': String(file.content.byteLength),
      'Content-Disposition': contentDisposition(file.filename),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    });
  });

  const visible = visibleFirst(deps.db);
  app.patch('/:id', writers, small, visible, anyFields(CHANGE_FIELDS), async (c) => {
    const s = c.var.submission;
    await changeSubmission(deps.db, deps, actorOf(c, deps.config.trustProxy), s.id, c.req.valid('json'));
    deps.onMailQueued?.();
    return c.json(await visibleCard(deps.db, c.var.user, s.id, deps.clock.now()));
  });

  app.post('/:id/comments', writers, small, visible, anyFields(COMMENT_FIELDS), async (c) =>
    c.json(
      await addComment(deps.db, deps.clock, actorOf(c, deps.config.trustProxy), c.var.submission, c.req.valid('json')),
      201,
    ),
  );

  app.route('/', complaintActions(deps));
  return app;
}
