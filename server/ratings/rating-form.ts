import { html } from 'hono/html';
import { formParts } from '../http/form-parts.ts';
import type { FieldErrorCode, Lang } from '../../shared/i18n.ts';
import { RATING_TEXTS } from '../../shared/rating-texts.ts';
import type { RatingTargetRow } from '../directory/store.ts';
import { langPath } from '../http/lang.ts';

export interface RatingFormState {
  score: number | undefined;
  values: Record<string, string>;
  errors: Partial<Record<string, FieldErrorCode>>;
  alert?: string;
}

/** Heading and who is rated, as the page and the thank-you page show them. */
export function targetHeading(lang: Lang, target: RatingTargetRow) {
  const t = RATING_TEXTS[lang];
  if (target.kind === 'subject') return html`<h1>${t.subjectTitle(target.subject.title)}</h1>`;
  const e = target.employee;
  return html`<h1>${t.employeeTitle}</h1>
<p class="who"><strong>${e.name}</strong>${e.position ? html`<br><span>${e.position}</span>` : ''}${target.department ? html`<br><span class="hint">${target.department}</span>` : ''}</p>`;
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
  idempotencyKey: string;
}) {
  const t = RATING_TEXTS[opts.lang];
  const { values: v, errors } = opts.state;
  const { err, aria, input } = formParts(opts.lang, 'r', v, errors);
  const legend = opts.target.kind === 'employee' ? t.employeeScoreLegend : t.subjectScoreLegend;
  const action = langPath(`/r/${encodeURIComponent(opts.slug)}`, opts.lang);

  return html`<form method="post" action="${action}" novalidate>
  ${opts.state.alert ? html`<div class="alert" role="alert">${opts.state.alert}</div>` : ''}
  <input type="hidden" name="idempotencyKey" value="${opts.idempotencyKey}">
  <div style="position:absolute;left:-10000px" aria-hidden="true"><label>Website <input name="website" tabindex="-1" autocomplete="off"></label></div>
  <fieldset${aria('score')}><legend>${legend} <span class="req" aria-hidden="true">*</span></legend>
    <div class="stars">${[1, 2, 3, 4, 5].map((n) => html`<input type="radio" id="star-${n}" name="score" value="${n}"${opts.state.score === n ? ' checked' : ''} required><label for="star-${n}" title="${t.starLabel(n, t.stars[n - 1]!)}"><span aria-hidden="true">★</span><span class="sr">${t.starLabel(n, t.stars[n - 1]!)}</span></label>`)}</div>${err('score')}
  </fieldset>
  <div class="field"><label for="r-comment">${t.comment}</label>
    <textarea id="r-comment" name="comment" maxlength="2000"${aria('comment')}>${v.comment ?? ''}</textarea>${err('comment')}</div>
  <div class="field"><label class="consent"><input type="checkbox" name="publish" value="true"${v.publish ? ' checked' : ''}> <span>${t.publish}</span></label></div>
  <fieldset><legend>${t.contactsLegend}</legend>
    ${input('name', t.name, 'text', 'name')}
    <div class="row">${input('organization', t.organization, 'text', 'organization')}${input('email', t.email, 'email', 'email')}</div>
    <p class="hint">${t.privacy}</p>
  </fieldset>
  ${err('employee')}${err('subject')}
  <button type="submit">${t.submit}</button>
</form>`;
}
