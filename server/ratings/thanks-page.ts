import type { Context } from 'hono';
import { html } from 'hono/html';
import { FORM_TEXTS, type Lang } from '../../shared/i18n.ts';
import { RATING_TEXTS } from '../../shared/rating-texts.ts';
import { findRatingTarget, type RatingTargetRow, subjectTitle } from '../directory/targets.ts';
import { langPath } from '../http/lang.ts';
import { page } from '../http/page-layout.ts';
import { russianText } from '../http/russian-text.ts';
import type { SubmissionRow } from '../submissions/store.ts';
import type { RatingDeps } from './rating-deps.ts';

/** A score in words, as a screen reader says the stars: «4 из 5 — хорошо». */
export const scoreWords = (lang: Lang, score: number) => {
  const t = RATING_TEXTS[lang];
  return t.starLabel(score, t.stars[score - 1] ?? '');
};

/** Who or what a rating is about, for its thank-you page: «Сидоров Пётр, Бухгалтер-консультант», «Качество доставки». */
export async function ratedName(db: RatingDeps['db'], rating: SubmissionRow, lang: Lang): Promise<string | null> {
  if (rating.employee_id) {
    const e = await db
      .selectFrom('employees')
      .select(['name', 'position'])
      .where('id', '=', rating.employee_id)
      .executeTakeFirst();
    return e ? employeeLine(e) : null;
  }
  const target = rating.subject ? await findRatingTarget(db, rating.subject) : undefined;
  return target?.kind === 'subject' ? targetName(target, lang) : null;
}

/** Who or what a rating link names, as its thank-you page says it. */
export const targetName = (target: RatingTargetRow, lang: Lang): string =>
  target.kind === 'employee' ? employeeLine(target.employee) : subjectTitle(target.subject, lang);

/** An employee as the thank-you page names him: «Иванов Иван, инженер». */
const employeeLine = (e: { name: string; position: string | null }) => [e.name, e.position].filter(Boolean).join(', ');

/** The thank-you page of a rating: who was rated, the stars, who is told, the number. */
export function thanksPage(
  c: Context,
  lang: Lang,
  r: { rated: string | null; score: number; changed: boolean; employee: boolean; number: string },
) {
  const t = RATING_TEXTS[lang];
  // Named as an image: Chromium reads no aria-label of a plain <p>, and «★★★★☆» aloud says nothing.
  const stars = '★'.repeat(r.score) + '☆'.repeat(5 - r.score);
  return page(c, {
    lang,
    title: t.thanks,
    body: html`<div class="card" role="status"><h1>${t.thanks}</h1>
${r.rated ? html`<p class="who">${russianText(lang, r.rated)}</p>` : ''}
<p class="stars-shown" role="img" aria-label="${scoreWords(lang, r.score)}">${stars}</p>
${r.changed ? html`<p>${t.changed}</p>` : ''}
<p>${r.employee ? t.toManager : t.toRecipients}</p>
<p>${t.numberLabel}: <strong class="nowrap">${r.number}</strong></p>
<p><a href="${langPath('/f', lang)}">${FORM_TEXTS[lang].title}</a></p></div>`,
  });
}
