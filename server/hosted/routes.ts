import { Hono } from 'hono';
import { html } from 'hono/html';
import { API_ERRORS, FORM_TEXTS, type Lang } from '../../shared/i18n.ts';
import { ApiError } from '../http/api-error.ts';
import { newId } from '../ids.ts';
import type { FeedbackAnswer } from '../../shared/api-answers.ts';
import { acceptFeedback, answerByText, type IntakeDeps } from '../feedback/intake.ts';
import { type RawSubmission, readSubmission } from '../http/read-submission.ts';
import { feedbackBodyLimit } from '../feedback/routes.ts';
import { findSubmission } from '../submissions/store.ts';
import { feedbackForm, type FormState } from './feedback-form.ts';
import { page } from '../http/page-layout.ts';
import { langPath, pageLang } from '../http/lang.ts';
import { requestMeta } from '../http/request-meta.ts';

const textValues = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === 'string')) as Record<string, string>;

/**
 * The hosted feedback form `/f`: server-rendered, a multipart POST, then a redirect to a
 * thank-you page with the number. With JavaScript on, `<otklik-feedback>` enhances it.
 */
export function hostedFeedback(deps: IntakeDeps) {
  const app = new Hono();
  const maxFileMb = Math.round((deps.config.maxFileBytes / 1024 / 1024) * 10) / 10;

  const render = (lang: Lang, state: FormState, status: 200 | 413 | 415 | 422 = 200) => {
    const t = FORM_TEXTS[lang];
    const form = feedbackForm({ lang, state, idempotencyKey: newId(), maxFileMb, base: '/' });
    const body = html`<h1>${t.title}</h1>
<p>${
      lang === 'en'
        ? `${deps.config.companyName} cares about the quality of its services: the quality management service will process every message within 3 working days.`
        : `Компания ${deps.config.companyName} заботится о качестве предоставляемых услуг, поэтому любое ваше обращение будет обработано службой менеджмента качества в течение 3-х рабочих дней.`
    }</p>
<otklik-feedback lang="${lang}" max-file-mb="${maxFileMb}">${form}</otklik-feedback>`;
    return { html: page({ lang, title: t.title, body, head: html`<script src="/embed.js" async></script>` }), status };
  };

  app.get('/', (c) => {
    const r = render(pageLang(c), { values: {}, errors: {} });
    return c.html(r.html, r.status);
  });

  app.post('/', feedbackBodyLimit(deps.config.maxFileBytes), async (c) => {
    const lang = pageLang(c);
    let raw: RawSubmission = { fields: {}, files: [] };
    try {
      raw = await readSubmission(c);
      const answer = await acceptFeedback(deps, raw, {
        lang,
        ...requestMeta(c, deps.config.trustProxy),
        channel: 'site',
        idempotencyKey: undefined,
      });
      return c.redirect(langPath(`/f/thanks/${encodeURIComponent(answer.id)}`, lang), 303);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status === 400) throw err;
      const r = render(
        lang,
        { values: textValues(raw.fields), errors: err.formFields, alert: API_ERRORS[lang][err.code] },
        err.status as 413 | 415 | 422,
      );
      return c.html(r.html, r.status);
    }
  });

  app.get('/thanks/:id', async (c) => {
    const lang = pageLang(c);
    const t = FORM_TEXTS[lang];
    const submission = await findSubmission(deps.db, c.req.param('id'));
    if (!submission) throw new ApiError(404, 'not_found');
    // The date promised when it was sent (older answers had none).
    const { answerBy } = JSON.parse(submission.response) as Partial<FeedbackAnswer>;
    const due = answerBy ? ` ${answerByText(answerBy, lang)}` : '';
    const body = html`<div class="card" role="status">
<h1>${t.accepted}</h1>
<p>${t.thanks}</p>
<p>${t.numberLabel}:</p>
<p class="number">${submission.number}</p>
<p>${t.promise}${due}</p>
<p><a href="${langPath('/f', lang)}">${t.another}</a></p>
</div>`;
    return c.html(page({ lang, title: t.accepted, body }));
  });
  return app;
}
