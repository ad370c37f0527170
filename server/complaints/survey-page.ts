import { type Context, Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { Lang } from '../../shared/i18n.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { FORM_BODY, limitBody } from '../http/body-limit.ts';
import { pageLang } from '../http/lang.ts';
import { page } from '../http/page-layout.ts';
import { companyDate, mailLang, preview } from '../mail/templates/format.ts';
import { surveyTokenHash } from './contact.ts';
import { lockComplaint, logComplaintEvent } from './store.ts';

const TEXTS = {
  ru: {
    title: (n: string) => `Обращение №\u00a0${n}: как решён вопрос?`,
    // The date ends «г.»: its full stop ends the sentence.
    about: (date: string, quoted: boolean) => `Ваше обращение от ${date}${quoted ? ':' : ''}`,
    // «Вы» capitalised, as in the survey's e-mail and the company's other letters to a client.
    satisfied: 'Вы довольны решением, которое Вам предложили?',
    loyal: 'Продолжите ли Вы работать с нами?',
    yes: 'Да',
    no: 'Нет',
    send: 'Отправить ответ',
    pick: 'Ответьте на оба вопроса',
    thanks: 'Спасибо за ответ!',
    thanksText: 'Ваш ответ передан в службу менеджмента качества.',
    gone: 'Ссылка устарела',
    goneText: 'Этот опрос уже не действует. Если хотите что-то сказать, ответьте на письмо.',
    done: 'Вы уже ответили на этот опрос. Спасибо!',
  },
  en: {
    title: (n: string) => `Message No.\u00a0${n}: how was it resolved?`,
    about: (date: string, quoted: boolean) => `Your message of ${date}${quoted ? ':' : '.'}`,
    satisfied: 'Are you satisfied with the solution you were offered?',
    loyal: 'Will you keep working with us?',
    yes: 'Yes',
    no: 'No',
    send: 'Send the answer',
    pick: 'Please answer both questions',
    thanks: 'Thank you for your answer!',
    thanksText: 'Your answer has been passed to the quality management service.',
    gone: 'The link has expired',
    goneText: 'This survey is no longer open. If you wish to tell us something, reply to the e-mail.',
    done: 'You have already answered this survey. Thank you!',
  },
} as const;

async function findSurvey(db: Db, token: string) {
  return db
    .selectFrom('complaints')
    .innerJoin('submissions', 'submissions.id', 'complaints.submission_id')
    .leftJoin('submissions as rating', 'rating.id', 'complaints.rating_id')
    .select([
      'complaints.submission_id',
      'complaints.survey_answered_at',
      'submissions.number',
      'submissions.lang',
      'complaints.received_at',
      'complaints.origin',
      'submissions.message',
      'rating.message as rating_message',
    ])
    .where('complaints.survey_token', '=', surveyTokenHash(token))
    .executeTakeFirst();
}

/**
 * The page of a link that leads to no survey (replaced by a newer one, or erased): in the language
 * the link names (the survey e-mail's says it), else the browser's.
 */
function gone(c: Context) {
  const lang = pageLang(c);
  const t = TEXTS[lang];
  return c.html(
    page(c, { lang, title: t.gone, body: html`<div class="card"><h1>${t.gone}</h1><p>${t.goneText}</p></div>` }),
    404,
  );
}

/** The title as the page's heading, its number in one piece: a phone's width broke «2026-» from «00001». */
function heading(t: (typeof TEXTS)[Lang], number: string) {
  const [before, after] = t.title('\u0000').split('\u0000');
  return html`${before}<span class="nowrap">${number}</span>${after}`;
}

/** What the survey page shows of its complaint. */
type SurveyOf = { received_at: string; origin: string; message: string; rating_message: string | null };

/** The client's own words: his message, or his rating's comment; none of a complaint registered by hand. */
function clientWords(s: SurveyOf): string {
  if (s.origin === 'console') return '';
  return s.origin === 'rating' ? (s.rating_message ?? '') : s.message;
}

/**
 * What the complaint was about: the day it was received and the start of the client's own words
 * (a client with several messages could not tell from the number which one he was asked about).
 * A complaint registered in the console by phone or visit is the registrar's summary, for the QMS
 * only, and one made of a rating without a comment says so in the QMS's words: neither is quoted
 * (their acknowledgements don't quote them either), the date alone is.
 */
function about(t: (typeof TEXTS)[Lang], s: SurveyOf, lang: Lang) {
  // «2026 г.» stays on one line: a phone broke it before «г.».
  const date = companyDate(s.received_at, lang).replace(/ (?=г\.$)/, '\u00a0');
  const text = clientWords(s).trim();
  if (!text) return html`<p>${t.about(date, false)}</p>`;
  const start = preview(text, 200);
  return html`<p>${t.about(date, true)}</p><blockquote class="hint">${start}${start.length < text.length ? '…' : ''}</blockquote>`;
}

/**
 * One yes-or-no question, with the answer given before (`yes`, `no`) still chosen; `missing`, the
 * one left unanswered, is marked so and tied to the page's error.
 */
const question = (name: string, legend: string, t: (typeof TEXTS)[Lang], given: string | undefined, missing: boolean) =>
  html`<fieldset${missing ? raw(' aria-invalid="true" aria-describedby="survey-error"') : ''}><legend>${legend}</legend><div class="kinds">
<label><input type="radio" name="${name}" value="yes" required${given === 'yes' ? raw(' checked') : ''}> ${t.yes}</label>
<label><input type="radio" name="${name}" value="no"${given === 'no' ? raw(' checked') : ''}> ${t.no}</label></div></fieldset>`;

/**
 * The client's two-question survey, `/survey/:token`: GET shows the form and records nothing
 * (mail scanners open every link); the form's POST records the answers into the complaint's
 * satisfaction and loyalty, once.
 */
export function surveyPages(deps: { db: Db; clock: Clock }) {
  const app = new Hono();

  app.get('/:token', async (c) => {
    const s = await findSurvey(deps.db, c.req.param('token'));
    if (!s) return gone(c);
    const lang = mailLang(s.lang);
    const t = TEXTS[lang];
    if (s.survey_answered_at)
      return c.html(
        page(c, {
          lang,
          title: t.thanks,
          body: html`<div class="card" role="status"><h1>${t.thanks}</h1><p>${c.req.query('sent') === '1' ? t.thanksText : t.done}</p></div>`,
        }),
      );
    // After a send with a question unanswered: the answer given is kept, the missing one named.
    const failed = c.req.query('error') === '1';
    const given = { satisfied: c.req.query('satisfied'), loyal: c.req.query('loyal') };
    const missing = (name: keyof typeof given) => failed && given[name] !== 'yes' && given[name] !== 'no';
    const error = failed ? html`<p class="alert" role="alert" id="survey-error">${t.pick}</p>` : '';
    return c.html(
      page(c, {
        lang,
        title: t.title(s.number),
        body: html`<div class="card"><h1>${heading(t, s.number)}</h1>${about(t, s, lang)}${error}
<form method="post">${question('satisfied', t.satisfied, t, given.satisfied, missing('satisfied'))}${question('loyal', t.loyal, t, given.loyal, missing('loyal'))}<button type="submit">${t.send}</button></form></div>`,
      }),
    );
  });

  app.post('/:token', limitBody(FORM_BODY), async (c) => {
    const token = c.req.param('token');
    const s = await findSurvey(deps.db, token);
    if (!s) return gone(c);
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const answer = (v: unknown) => (v === 'yes' ? true : v === 'no' ? false : undefined);
    const satisfied = answer(form.satisfied);
    const loyal = answer(form.loyal);
    if (satisfied === undefined || loyal === undefined) {
      const kept = new URLSearchParams({ error: '1' });
      if (satisfied !== undefined) kept.set('satisfied', satisfied ? 'yes' : 'no');
      if (loyal !== undefined) kept.set('loyal', loyal ? 'yes' : 'no');
      return c.redirect(`/survey/${encodeURIComponent(token)}?${kept}`, 303);
    }
    await deps.db.transaction().execute(async (trx) => {
      const complaint = await lockComplaint(trx, s.submission_id);
      if (complaint.survey_answered_at) return;
      const now = deps.clock.now().toISOString();
      await trx
        .updateTable('complaints')
        .set({
          satisfied: satisfied ? 1 : 0,
          loyal: loyal ? 1 : 0,
          outcome_source: 'survey',
          survey_answered_at: now,
          updated_at: now,
        })
        .where('submission_id', '=', s.submission_id)
        .execute();
      await logComplaintEvent(trx, deps.clock, null, s, { type: 'survey', data: { sent: false, satisfied, loyal } });
    });
    return c.redirect(`/survey/${encodeURIComponent(token)}?sent=1`, 303);
  });

  return app;
}
