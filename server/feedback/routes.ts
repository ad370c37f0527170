import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LIMITS } from '../../shared/limits.ts';
import { ApiError } from '../http/api-error.ts';
import { clientIp } from '../http/client-ip.ts';
import { requestLang } from '../http/lang.ts';
import { acceptFeedback, type IntakeDeps } from './intake.ts';
import { readSubmission } from './read-body.ts';

/** A body may hold every allowed file plus the fields and multipart framing; more is a 413. */
export const feedbackBodyLimit = (maxFileBytes: number) =>
  bodyLimit({
    maxSize: LIMITS.filesMax * maxFileBytes + 1024 * 1024,
    onError: () => {
      throw new ApiError(413, 'too_large');
    },
  });

/** `POST /api/v1/feedback`: the public intake of the site widget and of API clients. */
export function feedbackApi(deps: IntakeDeps) {
  return new Hono().post('/', feedbackBodyLimit(deps.config.maxFileBytes), async (c) => {
    const raw = await readSubmission(c);
    const answer = await acceptFeedback(deps, raw, {
      lang: requestLang(c),
      ip: clientIp(c, deps.config.trustProxy),
      userAgent: c.req.header('user-agent')?.slice(0, 500) ?? null,
      channel: 'site',
      idempotencyKey: c.req.header('idempotency-key'),
    });
    return c.json(answer, 201);
  });
}
