import { Hono } from 'hono';
import { html } from 'hono/html';
import { API_ERRORS, FORM_TEXTS, type Lang } from '../../shared/i18n.ts';
import { RATING_TEXTS } from '../../shared/rating-texts.ts';
import { findRatingTarget, type RatingTargetRow } from '../directory/store.ts';
import { page } from '../http/page-layout.ts';
import { ApiError } from '../http/api-error.ts';
import { newId } from '../ids.ts';
import { readSubmission } from '../http/read-submission.ts';
import { findSubmission } from '../submissions/store.ts';
import { acceptRating, type RatingDeps } from './intake.ts';
import { ratingForm, type RatingFormState, targetHeading } from './rating-form.ts';
import { FORM_BODY, limitBody } from '../http/body-limit.ts';
import { langPath, pageLang } from '../http/lang.ts';
import { requestMeta } from '../http/request-meta.ts';

const scoreOf = (value: unknown) => (typeof value === 'string' && /^[1-5]$/.test(value) ? Number(value) : undefined);
const isActive = (t: RatingTargetRow) => (t.kind === 'employee' ? t.employee.active : t.subject.active) === 1;

/** The polite answer of a link whose employee has left: it accepts nothing. */
function inactivePage(lang: Lang) {
  const t = RATING_TEXTS[lang];
  return page({
    lang,
    title: t.inactiveTitle,
    body: html`<div class="card"><h1>${t.inactiveTitle}</h1><p>${t.inactiveText}</p><p><a href="${langPath('/f', lang)}">${t.writeUs}</a></p></div>`,
  });
}

/**
 * The rating page `/r/:slug?score=N`, where signature stars lead. GET and HEAD only show the page
 * with the score chosen and record nothing (mail scanners open every link); the form's POST
 * records the rating and redirects to a thank-you page.
 */
export function ratingPages(deps: RatingDeps) {
  const app = new Hono();

  const render = (lang: Lang, slug: string, target: RatingTargetRow, state: RatingFormState) => {
    const form = ratingForm({ lang, target, slug, state, idempotencyKey: newId() });
    const attrs =
      target.kind === 'employee'
        ? html`subject="employee" employee="${target.employee.slug}"`
        : html`subject="${target.subject.slug}"`;
    const title =
      target.kind === 'employee'
        ? RATING_TEXTS[lang].employeeTitle
        : RATING_TEXTS[lang].subjectTitle(target.subject.title);
    return page({
      lang,
      title,
      head: html`<script src="/embed.js" async></script><meta name="robots" content="noindex">`,
      // The page has its own heading: the widget that enhances it shows only the form.
      body: html`${targetHeading(lang, target)}<div class="card"><otklik-rating ${attrs} lang="${lang}" header="none"${state.score ? html` score="${state.score}"` : ''}>${form}</otklik-rating></div>`,
    });
  };

  app.get('/:slug', async (c) => {
    const lang = pageLang(c);
    const target = await findRatingTarget(deps.db, c.req.param('slug'));
    if (!target) throw new ApiError(404, 'not_found');
    // Links are opened by people and by scanners alike: never let a search engine keep them.
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex');
    if (!isActive(target)) return c.html(inactivePage(lang), 410);
    return c.html(
      render(lang, c.req.param('slug'), target, { score: scoreOf(c.req.query('score')), values: {}, errors: {} }),
    );
  });

  app.post('/:slug', limitBody(FORM_BODY), async (c) => {
    const lang = pageLang(c);
    const slug = c.req.param('slug');
    const target = await findRatingTarget(deps.db, slug);
    if (!target) throw new ApiError(404, 'not_found');
    if (!isActive(target)) return c.html(inactivePage(lang), 410);
    const { fields } = await readSubmission(c);
    const addressed =
      target.kind === 'employee'
        ? { subject: 'employee', employee: target.employee.slug }
        : { subject: target.subject.slug, employee: undefined };
    try {
      const answer = await acceptRating(
        deps,
        { ...fields, ...addressed },
        {
          lang,
          ...requestMeta(c, deps.config.trustProxy),
          channel: target.kind === 'employee' ? 'signature' : 'site',
          idempotencyKey: undefined,
        },
      );
      return c.redirect(langPath(`/r/thanks/${encodeURIComponent(answer.id)}`, lang), 303);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 422) throw err;
      const values = Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === 'string')) as Record<
        string,
        string
      >;
      const state = { score: scoreOf(fields.score), values, errors: err.formFields, alert: API_ERRORS[lang][err.code] };
      return c.html(render(lang, slug, target, state), 422);
    }
  });

  app.get('/thanks/:id', async (c) => {
    const lang = pageLang(c);
    const t = RATING_TEXTS[lang];
    const rating = await findSubmission(deps.db, c.req.param('id'));
    if (rating?.type !== 'rating') throw new ApiError(404, 'not_found');
    const stars = '★'.repeat(rating.score ?? 0) + '☆'.repeat(5 - (rating.score ?? 0));
    return c.html(
      page({
        lang,
        title: t.thanks,
        body: html`<div class="card" role="status"><h1>${t.thanks}</h1>
<p class="stars-shown" aria-label="${t.starLabel(rating.score ?? 0, t.stars[(rating.score ?? 1) - 1]!)}">${stars}</p>
<p>${rating.employee_id ? t.toManager : t.toRecipients}</p>
<p>${t.numberLabel}: <strong>${rating.number}</strong></p>
<p><a href="${langPath('/f', lang)}">${FORM_TEXTS[lang].title}</a></p></div>`,
      }),
    );
  });
  return app;
}
