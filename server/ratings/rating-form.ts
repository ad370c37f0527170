import { html } from 'hono/html';
import { errorSummary, formAlert, formParts } from '../http/form-parts.ts';
import { fieldMessage } from '../http/api-error.ts';
import { FIELD_ERRORS, type FieldErrorCode, type Lang } from '../../shared/i18n.ts';
import type { RatingChannel } from '../../shared/rating-schema.ts';
import { RATING_TEXTS } from '../../shared/rating-texts.ts';
import { type RatingTargetRow, subjectTitle } from '../directory/targets.ts';
import { langPath } from '../http/lang.ts';
import { russianText } from '../http/russian-text.ts';

export interface RatingFormState {
  score: number | undefined;
  values: Record<string, string>;
  errors: Partial<Record<string, FieldErrorCode>>;
  alert?: string;
  /** What an error is about, by field (a limit): «Слишком длинный текст: не больше 200 знаков». */
  named?: Partial<Record<string, string>>;
}

/** The page's title: the employee's «Расскажите моему руководителю…», or «Оцените: <the subject's title>». */
export const targetTitle = (lang: Lang, target: RatingTargetRow) =>
  target.kind === 'employee'
    ? RATING_TEXTS[lang].employeeTitle
    : RATING_TEXTS[lang].subjectTitle(subjectTitle(target.subject, lang));

/** The title as a heading: a service's Russian-only name marked as Russian inside an English title. */
function headingTitle(lang: Lang, target: RatingTargetRow) {
  const text = targetTitle(lang, target);
  if (target.kind === 'employee') return text;
  const name = subjectTitle(target.subject, lang);
  const at = text.indexOf(name);
  return html`${text.slice(0, at)}${russianText(lang, name)}${text.slice(at + name.length)}`;
}

/**
 * Heading and who is rated, as the rating page shows them above its form, and the company's own
 * contact line (COMPANY_CONTACT) under them when it has one.
 */
export function targetHeading(lang: Lang, target: RatingTargetRow, contact: string | null) {
  const who =
    target.kind === 'employee'
      ? html`<p class="who"><strong>${russianText(lang, target.employee.name)}</strong>${target.employee.position ? html`<br><span>${russianText(lang, target.employee.position)}</span>` : ''}${target.department ? html`<br><span class="hint">${russianText(lang, target.department)}</span>` : ''}</p>`
      : '';
  return html`<h1>${headingTitle(lang, target)}</h1>${who}${contact ? html`<p class="hint contact">${russianText(lang, contact)}</p>` : ''}`;
}

/**
 * The rating form as plain HTML, posting to the page itself: works with JavaScript off (the way
 * a signature link arrives), enhanced by `<otklik-rating>` when it runs.
 */
export function ratingForm(opts: {
  lang: Lang;
  target: RatingTargetRow;
  slug: string;
  state: RatingFormState;
  /** Where the client came from: kept in the form, so its POST records it. */
  channel: RatingChannel;
  idempotencyKey: string;
  /** When the page was made, signed: a post without JavaScript proves its fill time with it. */
  started: string;
  /** The page's own address, as the widget posts `location.href`: the e-mails name it. */
  page: string;
}) {
  const t = RATING_TEXTS[opts.lang];
  const { values: v, errors } = opts.state;
  const { err, aria, input } = formParts(opts.lang, 'r', v, errors, opts.state.named);
  const employee = opts.target.kind === 'employee';
  const legend = employee ? t.employeeScoreLegend : t.subjectScoreLegend;
  const action = langPath(`/r/${encodeURIComponent(opts.slug)}`, opts.lang);

  return html`<form method="post" action="${action}" novalidate>
  ${opts.state.alert ? formAlert(opts.state.alert, errorList(opts.lang, { score: legend, comment: employee ? t.employeeComment : t.subjectComment }, errors, opts.state.named)) : ''}
  <input type="hidden" name="idempotencyKey" value="${opts.idempotencyKey}">
  <input type="hidden" name="started" value="${opts.started}">
  <input type="hidden" name="channel" value="${opts.channel}">
  <input type="hidden" name="page" value="${opts.page}">
  <div style="position:absolute;left:-10000px" aria-hidden="true"><label>Website <input name="website" tabindex="-1" autocomplete="off"></label></div>
  <fieldset${aria('score')}><legend>${legend} <span class="req" aria-hidden="true">*</span></legend>
    <div class="stars">${[1, 2, 3, 4, 5].map((n) => html`<input type="radio" id="star-${n}" name="score" value="${n}"${opts.state.score === n ? ' checked' : ''} required${aria('score')}><label for="star-${n}" title="${t.starLabel(n, t.stars[n - 1]!)}"><span aria-hidden="true"></span><span class="sr">${t.starLabel(n, t.stars[n - 1]!)}</span></label>`)}</div>${err('score')}
  </fieldset>
  <div class="field"><label for="r-comment">${employee ? t.employeeComment : t.subjectComment}</label>
    <textarea id="r-comment" name="comment" maxlength="2000"${aria('comment')}>${v.comment ?? ''}</textarea>${err('comment')}</div>
  <div class="field"><label class="consent"><input type="checkbox" name="publish" value="true"${v.publish ? ' checked' : ''}> <span>${t.publish}</span></label></div>
  <fieldset><legend>${t.contactsLegend}</legend>
    ${input('name', t.name, 'text', 'name')}
    <div class="row">${input('organization', t.organization, 'text', 'organization')}${input('email', t.email, 'email', 'email')}</div>
    <p class="hint"><a href="${langPath('/legal/personal-data', opts.lang)}" target="_blank" rel="noopener">${t.privacy}</a></p>
  </fieldset>
  ${err('employee')}${err('subject')}
  <button type="submit">${t.submit}</button>
</form>`;
}

/** The rating form's fields with the id of what each error links to. */
const LINKED = [
  ['score', 'star-1'],
  ['comment', 'r-comment'],
  ['name', 'r-name'],
  ['organization', 'r-organization'],
  ['email', 'r-email'],
] as const;

/**
 * The wrong fields named and linked under the alert (as on /f): the alert takes the focus, and
 * «Проверьте поля формы» alone left a screen reader's user to hunt for what was wrong.
 */
function errorList(
  lang: Lang,
  own: { score: string; comment: string },
  errors: Partial<Record<string, FieldErrorCode>>,
  named: Partial<Record<string, string>> = {},
) {
  const t = RATING_TEXTS[lang];
  const labels: Record<(typeof LINKED)[number][0], string> = {
    ...own,
    name: t.name,
    organization: t.organization,
    email: t.email,
  };
  return errorSummary(
    LINKED.filter(([f]) => errors[f]).map(([f, id]) => ({
      href: `#${id}`,
      text: `${labels[f]}: ${fieldMessage(FIELD_ERRORS[lang][errors[f]!], named[f])}`,
    })),
  );
}
