import { Hono } from 'hono';
import type { EmployeeAnswer, SubjectAnswer } from '../../shared/api-answers.ts';
import type { Db } from '../db/connection.ts';
import { findRatingTarget } from '../directory/store.ts';
import { ApiError } from '../http/api-error.ts';
import { requestLang } from '../http/lang.ts';
import { readSubmission } from '../http/read-submission.ts';
import { acceptRating, type RatingDeps } from './intake.ts';
import { signatureHtml, signatureText } from './signature.ts';
import { publicBase } from '../http/public-base.ts';
import { FORM_BODY, limitBody } from '../http/body-limit.ts';
import { requestMeta } from '../http/request-meta.ts';

/** `POST /api/v1/ratings`: the rating widget's and API clients' way to record a rating. */
export function ratingsApi(deps: RatingDeps) {
  return new Hono().post('/', limitBody(FORM_BODY), async (c) => {
    const { fields, files } = await readSubmission(c);
    if (files.length > 0) throw new ApiError(422, 'validation', { files: 'invalid' });
    const answer = await acceptRating(deps, fields, {
      lang: requestLang(c),
      ...requestMeta(c, deps.config.trustProxy),
      channel: 'site',
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
export function directoryApi(deps: { db: Db; publicUrl: string | undefined }) {
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
    return c.html(signatureHtml(publicBase(c, deps.publicUrl), employee));
  });
  app.get('/employees/:slug/signature.txt', async (c) => {
    const { employee } = await activeEmployee(deps.db, c.req.param('slug'));
    return c.text(signatureText(publicBase(c, deps.publicUrl), employee));
  });
  app.get('/subjects/:slug', async (c) => {
    const target = await findRatingTarget(deps.db, c.req.param('slug'));
    if (target?.kind !== 'subject' || !target.subject.active) throw new ApiError(404, 'not_found');
    const answer: SubjectAnswer = { slug: target.subject.slug, title: target.subject.title };
    return c.json(answer);
  });
  return app;
}
