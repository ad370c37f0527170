import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import { FORM_TEXTS, type Lang } from '../../shared/i18n.ts';
import { ofCompany } from '../../shared/texts-ru.ts';
import { checkIpLimit } from '../abuse/ip-limit.ts';
import { ApiError, errorMessage } from '../http/api-error.ts';
import { newId } from '../ids.ts';
import type { FeedbackAnswer } from '../../shared/api-answers.ts';
import { acceptFeedback, confirmation, type IntakeDeps } from '../feedback/intake.ts';
import { type RawSubmission, readSubmission } from '../http/read-submission.ts';
import { attachmentRules } from '../feedback/attachments.ts';
import { multipartBounds } from '../http/body-limit.ts';
import { MultipartError } from '../http/multipart.ts';
import { feedbackSchema, validate } from '../../shared/feedback-schema.ts';
import { russianText } from '../http/russian-text.ts';
import { findSubmission, promisedAnswer } from '../submissions/store.ts';
import { feedbackForm, type FormState } from './feedback-form.ts';
import { page } from '../http/page-layout.ts';
import { langPath, pageLang } from '../http/lang.ts';
import { requestMeta } from '../http/request-meta.ts';
import { companySite } from './company-site.ts';
import type { Guarded } from '../abuse/submission-guard.ts';

const textValues = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === 'string')) as Record<string, string>;

/**
 * The hosted feedback form `/f`: server-rendered, a multipart POST, then a redirect to a
 * thank-you page with the number. With JavaScript on, `<otklik-feedback>` enhances it. It speaks
 * the language of `?lang=`, else the browser's, and keeps it through the post and the redirect.
 */
export function hostedFeedback(deps: IntakeDeps & Guarded) {
  const app = new Hono();
  const maxFileMb = Math.round((deps.config.maxFileBytes / 1024 / 1024) * 10) / 10;
  const { companyContact: contact } = deps.config;
  const site = companySite(deps.config.companySite);

  /**
   * The page, new or shown again after a refused post. Shown again, it keeps the post's idempotency
   * key and `started` token: a new key let Back and a resent form register the message twice, and
   * a new token refused the corrected send as too fast.
   */
  const render = async (
    c: Context,
    lang: Lang,
    state: FormState,
    status: 200 | 403 | 413 | 415 | 422 | 429 = 200,
    posted: Record<string, unknown> = {},
  ) => {
    const t = FORM_TEXTS[lang];
    const started = await deps.guard.started(posted.started);
    const kept = validate({ idempotencyKey: feedbackSchema.idempotencyKey }, posted);
    const key = (kept.success && kept.data.idempotencyKey) || newId();
    const form = feedbackForm({ lang, state, idempotencyKey: key, maxFileMb, base: '/', contact, started });
    const body = html`<h1>${t.title}</h1>
<p>${
      lang === 'en'
        ? html`${russianText(lang, deps.config.companyName)} cares about the quality of its services: the quality management service will process every message within 3 working days.`
        : `${ofCompany(deps.config.companyName, 'Компания')} заботится о качестве предоставляемых услуг, поэтому любое ваше обращение будет обработано службой менеджмента качества в течение 3-х рабочих дней.`
    }</p>
<otklik-feedback lang="${lang}" max-file-mb="${maxFileMb}"${contact ? html` contact="${contact}"` : ''}${site ? html` site="${site.href}"` : ''}>${form}</otklik-feedback>`;
    return {
      html: page(c, {
        lang,
        title: t.title,
        failed: Boolean(state.alert),
        body,
        head: html`<script src="/embed.js" async></script>`,
      }),
      status,
    };
  };

  app.get('/', async (c) => {
    const r = await render(c, pageLang(c), { values: {}, errors: {} });
    // The form carries an idempotency key of its own: kept by the client's browser alone, so Back
    // after a send whose answer was lost shows the same key, and a second send is the same message.
    c.header('Cache-Control', 'private, no-cache');
    return c.html(r.html, r.status);
  });

  app.post('/', async (c) => {
    const lang = pageLang(c);
    let raw: RawSubmission = { fields: {}, files: [] };
    // Over his address's allowance, a client still gets his form back with what he typed: the body
    // is read for its fields, its files not kept (none is taken, so the first ends the reading of files).
    const overLimit = await checkIpLimit(c, deps).then(
      () => undefined,
      (err: unknown) => {
        if (err instanceof ApiError) return err;
        throw err;
      },
    );
    try {
      raw = await readSubmission(c, multipartBounds(deps.config), {
        ...attachmentRules(c, deps.config),
        readPastRefusal: true,
        ...(overLimit && { maxCount: 0 }),
      });
      if (overLimit) throw overLimit;
      await deps.guard.check(c, raw.fields, 'feedback', raw.files);
      const answer = await acceptFeedback(deps, raw, {
        lang,
        ...requestMeta(c, deps.config.trustProxy),
        channel: 'site',
        // The header, as the guard reads it (a retry skips its proof only if the intake answers it).
        idempotencyKey: c.req.header('idempotency-key'),
      });
      // A filled honeypot was stored nowhere, so the thank-you page's address would be a 404 that
      // tells a bot it was caught (and a person whose browser filled the field, that his message
      // is lost): the same page is answered at once instead.
      if (raw.fields.website) return c.html(thanksPage(c, lang, answer));
      return c.redirect(langPath(`/f/thanks/${encodeURIComponent(answer.id)}`, lang), 303);
    } catch (caught) {
      if (!(caught instanceof ApiError) || (caught.status === 400 && !overLimit)) throw caught;
      // Refused mid-body (a file too large): what was typed is shown again, with what else is wrong
      // in it (no kind chosen, the consent unread past a body's bound), all at once.
      const multipart = caught instanceof MultipartError;
      if (multipart) raw = { fields: caught.fieldsRead, files: [] };
      // Over the limit, that refusal is the answer; a file met on the way was not kept, and must be chosen again.
      const err = overLimit ?? caught;
      const alsoWrong = multipart && !overLimit ? fieldErrors(raw.fields) : {};
      const filesLost = raw.files.length > 0 || (overLimit !== undefined && multipart);
      const r = await render(
        c,
        lang,
        {
          values: textValues(raw.fields),
          errors: overLimit ? {} : { ...alsoWrong, ...err.formFields },
          // Several fields wrong, a file among them: the heading is theirs, not the file's «format not supported».
          alert: errorMessage(
            lang,
            !overLimit && Object.keys(alsoWrong).length > 0 ? 'validation' : err.code,
            err.retryAfterS,
          ),
          filesLost,
          named: err.more.named,
        },
        err.status as 403 | 413 | 415 | 422 | 429,
        raw.fields,
      );
      return c.html(r.html, r.status);
    }
  });

  app.get('/thanks/:id', async (c) => {
    const submission = await findSubmission(deps.db, c.req.param('id'));
    if (submission?.type !== 'feedback') throw new ApiError(404, 'not_found');
    // The date promised when it was sent (older answers had none).
    const promised = promisedAnswer(submission) ?? undefined;
    const kind = submission.kind as FeedbackAnswer['kind'];
    return c.html(thanksPage(c, pageLang(c), { kind, number: submission.number, answerBy: promised }));
  });

  /** The thank-you page of a message sent: its number, and what comes next by its kind. */
  function thanksPage(
    c: Context,
    lang: Lang,
    sent: { kind: FeedbackAnswer['kind']; number: string; answerBy?: string | undefined },
  ) {
    const t = FORM_TEXTS[lang];
    const shown = confirmation(sent.kind, sent.answerBy, lang);
    // A hosted page has no page of the client's to go back to: another message, or the company's site.
    const body = html`<div class="card" role="status">
<h1>${shown.title}</h1>
<p>${shown.thanks}</p>
<p>${t.numberLabel}:</p>
<p class="number">${sent.number}</p>
<p>${shown.next}</p>
<p class="actions"><a href="${langPath('/f', lang)}">${t.another}</a>${site ? html`<a href="${site.href}">${t.toSite} ${site.name}</a>` : ''}</p>
</div>`;
    return page(c, { lang, title: shown.title, body });
  }
  return app;
}

/** What else a post refused for its files gets wrong, by the schema the intake would check it with. */
function fieldErrors(fields: Record<string, unknown>) {
  const parsed = validate(feedbackSchema, fields);
  return parsed.success ? {} : parsed.errors;
}
