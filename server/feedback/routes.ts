import { Hono } from 'hono';
import { requestLang } from '../http/lang.ts';
import { acceptFeedback, type IntakeDeps } from './intake.ts';
import { readSubmission } from '../http/read-submission.ts';
import { multipartBounds } from '../http/body-limit.ts';
import { attachmentRules } from './attachments.ts';
import { requestMeta } from '../http/request-meta.ts';
import type { Guarded } from '../abuse/submission-guard.ts';

/** `POST /api/v1/feedback`: the public intake of the site widget and of API clients. */
export function feedbackApi(deps: IntakeDeps & Guarded) {
  // The body's size and time are bounded at the root and by the streaming reader (http/body-limit.ts).
  return new Hono().post('/', async (c) => {
    const raw = await readSubmission(c, multipartBounds(deps.config), attachmentRules(c, deps.config));
    await deps.guard.check(c, raw.fields, 'feedback', raw.files);
    const answer = await acceptFeedback(deps, raw, {
      lang: requestLang(c),
      ...requestMeta(c, deps.config.trustProxy),
      channel: 'site',
      idempotencyKey: c.req.header('idempotency-key'),
    });
    return c.json(answer, 201);
  });
}
