import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import type { Lang } from '../../shared/i18n.ts';
import { PAGE_MAX } from '../../shared/limits.ts';
import type { RatingChannel } from '../../shared/rating-schema.ts';
import { RATING_TEXTS } from '../../shared/rating-texts.ts';
import { findRatingTarget, type RatingTargetRow } from '../directory/targets.ts';
import { page } from '../http/page-layout.ts';
import { checkIpLimit } from '../abuse/ip-limit.ts';
import { ApiError, errorMessage } from '../http/api-error.ts';
import { newId } from '../ids.ts';
import { readSubmission } from '../http/read-submission.ts';
import type { SubmissionRow } from '../submissions/store.ts';
import { findSubmission } from '../submissions/store.ts';
import { earlierRating } from './change.ts';
import { visitChannel } from './channel.ts';
import { acceptRating } from './intake.ts';
import { ratedName, scoreWords, targetName, thanksPage } from './thanks-page.ts';
import { PAGE_TEXTS } from './page-texts.ts';
import type { RatingDeps } from './rating-deps.ts';
import { knownRater, raterOf } from './rater.ts';
import { ratingForm, type RatingFormState, targetHeading, targetTitle } from './rating-form.ts';
import { FORM_BODY, formBounds, limitBody } from '../http/body-limit.ts';
import { langPath, pageLang } from '../http/lang.ts';
import { requestMeta } from '../http/request-meta.ts';
import { publicBase } from '../http/public-base.ts';
import type { Guarded } from '../abuse/submission-guard.ts';

const scoreOf = (value: unknown) => (typeof value === 'string' && /^[1-5]$/.test(value) ? Number(value) : undefined);
const isActive = (t: RatingTargetRow) => (t.kind === 'employee' ? t.employee.active : t.subject.active) === 1;
/** A rating link as it should have been written (the slug lower case, no slash after it), its query kept. */
const movedTo = (c: Context, slug: string) =>
  c.redirect(`/r/${encodeURIComponent(slug)}${new URL(c.req.url).search}`, 301);

/**
 * The polite answer of a link whose employee has left (`inactiveTitle`) or that leads nowhere (a
 * slug mistyped in a hand-made signature, a thank-you page of no rating: `notFound`): it accepts
 * nothing, and offers the form. A bare JSON error was all a client saw of a broken link.
 */
function inactivePage(
  c: Context,
  lang: Lang,
  comment?: unknown,
  title: 'inactiveTitle' | 'notFound' = 'inactiveTitle',
) {
  const t = RATING_TEXTS[lang];
  // A comment sent after the employee left is shown back to be copied, not dropped unseen.
  const kept =
    typeof comment === 'string' && comment.trim()
      ? html`<p><label for="kept">${PAGE_TEXTS[lang].keptComment}</label></p><textarea id="kept" readonly rows="5">${comment}</textarea>`
      : '';
  return page(c, {
    lang,
    title: t[title],
    body: html`<div class="card"><h1>${t[title]}</h1><p>${t.inactiveText}</p>${kept}<p><a href="${langPath('/f', lang)}">${t.writeUs}</a></p></div>`,
  });
}

/**
 * The rating page `/r/:slug?score=N`, where signature stars lead. GET and HEAD only show the page
 * with the score chosen and record nothing (mail scanners open every link); the form's POST
 * records the rating and redirects to a thank-you page, which a reload shows again.
 */
export function ratingPages(deps: RatingDeps & Guarded) {
  const app = new Hono();

  const render = async (
    c: Context,
    lang: Lang,
    slug: string,
    target: RatingTargetRow,
    state: RatingFormState,
    channel: RatingChannel,
    earlier?: SubmissionRow,
  ) => {
    const started = await deps.guard.started();
    // Shown again after a refusal, the form keeps the address it was first opened at (a POST's has no query).
    const url = new URL(c.req.url);
    const address = state.values.page ?? `${publicBase(c, deps.config)}${url.pathname}${url.search}`.slice(0, PAGE_MAX);
    const form = ratingForm({ lang, target, slug, state, channel, idempotencyKey: newId(), started, page: address });
    const attrs =
      target.kind === 'employee'
        ? html`subject="employee" employee="${target.employee.slug}"`
        : html`subject="${target.subject.slug}"`;
    // The browser rated this today already: say that a send changes that rating. Inside the
    // element, where the widget shows it above its form (a slot) and drops it once sent.
    const notice = earlier
      ? html`<p class="notice" slot="note">${PAGE_TEXTS[lang].ratedToday(earlier.number, scoreWords(lang, earlier.score ?? 1))}</p>`
      : '';
    return page(c, {
      lang,
      // The employee's name first: a tab among several, and a screen reader, say whose page it is.
      title:
        target.kind === 'employee'
          ? `${target.employee.name} — ${targetTitle(lang, target)}`
          : targetTitle(lang, target),
      failed: Boolean(state.alert),
      head: html`<script src="/embed.js" async></script><meta name="robots" content="noindex">`,
      // The page has its own heading: the widget that enhances it shows only the form, and posts
      // the channel the page was reached by.
      body: html`${targetHeading(lang, target, deps.config.companyContact)}<div class="card"><otklik-rating ${attrs} lang="${lang}" header="none" channel="${channel}"${state.score ? html` score="${state.score}"` : ''}>${notice}${form}</otklik-rating></div>`,
    });
  };

  // A hand-made link with a slash at the end, or none after /r: the page, or the polite «not found».
  app.get('/:slug/', (c) => movedTo(c, c.req.param('slug')));
  app.get('/', (c) => c.html(inactivePage(c, pageLang(c), undefined, 'notFound'), 404));

  app.get('/:slug', async (c) => {
    const lang = pageLang(c);
    const slug = c.req.param('slug');
    const target = await findRatingTarget(deps.db, slug);
    // Links are opened by people and by scanners alike: never let a search engine keep them.
    c.header('X-Robots-Tag', 'noindex');
    if (!target) {
      // Slugs are lower case: a signature typed by hand as «/r/Ivanov» still finds him.
      const lower = slug.toLowerCase();
      if (lower !== slug && (await findRatingTarget(deps.db, lower))) {
        return movedTo(c, lower);
      }
      return c.html(inactivePage(c, lang, undefined, 'notFound'), 404);
    }
    if (!isActive(target)) return c.html(inactivePage(c, lang), 410);
    const channel = visitChannel({ from: c.req.query('from'), score: c.req.query('score') }, target);
    const rater = knownRater(c);
    const earlier = rater ? await earlierRating(deps.db, rater, target, deps.clock.now()) : undefined;
    // A page showing his earlier rating is kept by no cache. An empty form is kept by his browser
    // alone: Back after a send whose answer was lost (a proxy's 502) shows it again with the same
    // idempotency key, and sending it again is the same rating — with no-store, Back fetched a new
    // key while the browser refilled his comment, and the rating was stored twice.
    c.header('Cache-Control', earlier ? 'no-store' : 'private, no-cache');
    // A send replaces the earlier rating: the form starts from what it holds, so that an unticked
    // box doesn't take the publication back, and the comment it would keep is seen and can be changed.
    const values: Record<string, string> = earlier
      ? { ...(earlier.message && { comment: earlier.message }), ...(earlier.publish === 1 && { publish: 'true' }) }
      : {};
    const state = { score: scoreOf(c.req.query('score')), values, errors: {} };
    return c.html(await render(c, lang, c.req.param('slug'), target, state, channel, earlier));
  });

  app.post('/:slug', limitBody(FORM_BODY), async (c) => {
    const lang = pageLang(c);
    const slug = c.req.param('slug');
    const target = await findRatingTarget(deps.db, slug);
    const { fields } = await readSubmission(c, formBounds(deps.config));
    if (!target) return c.html(inactivePage(c, lang, fields.comment, 'notFound'), 404);
    if (!isActive(target)) return c.html(inactivePage(c, lang, fields.comment), 410);
    const addressed =
      target.kind === 'employee'
        ? { subject: 'employee', employee: target.employee.slug }
        : { subject: target.subject.slug, employee: undefined };
    try {
      // Here rather than before the body is read: a client over his address's allowance gets his comment back.
      await checkIpLimit(c, deps);
      await deps.guard.check(c, { ...fields, ...addressed }, 'rating');
      const answer = await acceptRating(
        deps,
        { ...fields, ...addressed },
        {
          lang,
          ...requestMeta(c, deps.config.trustProxy),
          rater: raterOf(c, fields.raterToken, deps.config.publicUrl),
          // The header, as the guard reads it (a retry skips its proof only if the intake answers it).
          idempotencyKey: c.req.header('idempotency-key'),
        },
      );
      // A filled honeypot was stored nowhere: its thank-you page is answered at once, since the
      // page's address would be a 404 that tells a bot it was caught (hosted/routes.ts alike).
      if (fields.website) {
        const shown = {
          rated: targetName(target, lang),
          score: answer.score,
          changed: false,
          employee: target.kind === 'employee',
        };
        return c.html(thanksPage(c, lang, { ...shown, number: answer.number }));
      }
      return c.redirect(langPath(`/r/thanks/${encodeURIComponent(answer.id)}`, lang), 303);
    } catch (err) {
      if (!(err instanceof ApiError) || ![403, 422, 429].includes(err.status)) throw err;
      const values = Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === 'string')) as Record<
        string,
        string
      >;
      const alert = errorMessage(lang, err.code, err.retryAfterS);
      const state = { score: scoreOf(fields.score), values, errors: err.formFields, alert, named: err.more.named };
      const channel = fields.channel === 'signature' ? 'signature' : 'site';
      return c.html(await render(c, lang, slug, target, state, channel), err.status as 403 | 422 | 429);
    }
  });

  app.get('/thanks/:id', async (c) => {
    const lang = pageLang(c);
    const rating = await findSubmission(deps.db, c.req.param('id'));
    if (rating?.type !== 'rating') return c.html(inactivePage(c, lang, undefined, 'notFound'), 404);
    const changed = await deps.db
      .selectFrom('submission_events')
      .select('id')
      .where('submission_id', '=', rating.id)
      .where('type', '=', 'rating')
      .executeTakeFirst();
    return c.html(
      thanksPage(c, lang, {
        rated: await ratedName(deps.db, rating, lang),
        score: rating.score ?? 1,
        changed: changed !== undefined,
        employee: rating.employee_id !== null,
        number: rating.number,
      }),
    );
  });
  return app;
}
