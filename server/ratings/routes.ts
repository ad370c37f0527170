import { Hono } from 'hono';
import type { EmployeeAnswer, SubjectAnswer } from '../../shared/api-answers.ts';
import type { Db } from '../db/connection.ts';
import { findRatingTarget, subjectTitle } from '../directory/targets.ts';
import { ApiError } from '../http/api-error.ts';
import { requestLang } from '../http/lang.ts';
import { readSubmission } from '../http/read-submission.ts';
import { acceptRating } from './intake.ts';
import type { RatingDeps } from './rating-deps.ts';
import { raterOf } from './rater.ts';
import { signatureHtml, signatureText } from './signature.ts';
import { publicBase } from '../http/public-base.ts';
import { FORM_BODY, formBounds, limitBody } from '../http/body-limit.ts';
import { requestMeta } from '../http/request-meta.ts';
import type { Guarded } from '../abuse/submission-guard.ts';

/**
 * `POST /api/v1/ratings`: the rating widget's and API clients' way to record a rating. The channel
 * is the body's `channel` (the rating page's widget sends `signature` when a signature's link
 * brought the client), `site` when absent; the browser is the `otklik_rater` cookie or the body's
 * `raterToken`.
 */
export function ratingsApi(deps: RatingDeps & Guarded) {
  return new Hono().post('/', limitBody(FORM_BODY), async (c) => {
    // A rating takes no files: one is a 422 naming `files` (http/multipart.ts).
    const { fields } = await readSubmission(c, formBounds(deps.config));
    await deps.guard.check(c, fields, 'rating');
    const answer = await acceptRating(deps, fields, {
      lang: requestLang(c),
      ...requestMeta(c, deps.config.trustProxy),
      rater: raterOf(c, fields.raterToken, deps.config.publicUrl),
      idempotencyKey: c.req.header('idempotency-key'),
    });
    return c.json(answer, 201);
  });
}

async function activeEmployee(db: Db, slug: string) {
  const target = await findRatingTarget(db, slug);
  if (target?.kind !== 'employee' || !target.employee.active) throw new ApiError(404, 'not_found');
  return target;
}

/**
 * Read-only directory for widgets and signatures: `GET /api/v1/employees/:slug` (+ the signature
 * snippet as an HTML fragment or text) and `GET /api/v1/subjects/:slug`. Active ones only.
 */
export function directoryApi(deps: { db: Db; publicUrl: string | undefined; trustProxy: boolean }) {
  const app = new Hono();
  app.get('/employees/:slug', async (c) => {
    const { employee, department } = await activeEmployee(deps.db, c.req.param('slug'));
    const answer: EmployeeAnswer = {
      slug: employee.slug,
      name: employee.name,
      position: employee.position,
      department,
    };
    return c.json(answer);
  });
  app.get('/employees/:slug/signature.html', async (c) => {
    const { employee } = await activeEmployee(deps.db, c.req.param('slug'));
    return c.html(signatureHtml(publicBase(c, deps), employee));
  });
  app.get('/employees/:slug/signature.txt', async (c) => {
    const { employee } = await activeEmployee(deps.db, c.req.param('slug'));
    return c.text(signatureText(publicBase(c, deps), employee));
  });
  app.get('/subjects/:slug', async (c) => {
    const target = await findRatingTarget(deps.db, c.req.param('slug'));
    if (target?.kind !== 'subject' || !target.subject.active) throw new ApiError(404, 'not_found');
    // In the asker's language: the English widget says «Rate: Delivery quality».
    const answer: SubjectAnswer = { slug: target.subject.slug, title: subjectTitle(target.subject, requestLang(c)) };
    c.header('Vary', 'Accept-Language', { append: true });
    return c.json(answer);
  });
  return app;
}
