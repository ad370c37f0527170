import { Hono } from 'hono';
import { LIMITS } from '../../shared/limits.ts';
import { requestLang } from '../http/lang.ts';
import { acceptFeedback, type IntakeDeps } from './intake.ts';
import { readSubmission } from '../http/read-submission.ts';
import { limitBody } from '../http/body-limit.ts';
import { requestMeta } from '../http/request-meta.ts';
import type { Guarded } from '../abuse/submission-guard.ts';

/** A body may hold every allowed file plus the fields and multipart framing; more is a 413. */
export const feedbackBodyLimit = (maxFileBytes: number) => limitBody(LIMITS.filesMax * maxFileBytes + 1024 * 1024);

/** `POST /api/v1/feedback`: the public intake of the site widget and of API clients. */
export function feedbackApi(deps: IntakeDeps & Guarded) {
  return new Hono().post('/', feedbackBodyLimit(deps.config.maxFileBytes), async (c) => {
    const raw = await readSubmission(c);
    await deps.guard.check(c, raw.fields, 'feedback', false);
    const answer = await acceptFeedback(deps, raw, {
      lang: requestLang(c),
      ...requestMeta(c, deps.config.trustProxy),
      channel: 'site',
      idempotencyKey: c.req.header('idempotency-key'),
    });
    return c.json(answer, 201);
  });
}
