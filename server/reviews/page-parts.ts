import { html } from 'hono/html';
import type { Lang } from '../../shared/lang.ts';
import { formatAverage, formatReviewDate, REVIEW_TEXTS } from '../../shared/review-texts.ts';
import { russianText } from '../http/russian-text.ts';
import { reviewAuthor } from './author.ts';
import type { TargetRating } from './averages.ts';
import type { PublishedReview, ReviewSummary } from './queries.ts';

// The pieces of /reviews (page.ts): every value goes through hono/html, which escapes it.

type Texts = (typeof REVIEW_TEXTS)[Lang];

/** ★★★★ and an outlined ☆ (the score told by the shape too, not by the colour alone), named «Оценка 4 из 5» for screen readers. */
const stars = (t: Texts, score: number) =>
  html`<span class="rv-stars" role="img" aria-label="${t.score(score)}">${'★'.repeat(score)}<span class="off">${'☆'.repeat(5 - score)}</span></span>`;

/** «★ 4,7 · 12 отзывов», the average named for screen readers. */
export const summaryLine = (lang: Lang, s: ReviewSummary) => {
  const t = REVIEW_TEXTS[lang];
  if (s.average === null) return '';
  const avg = formatAverage(lang, s.average);
  return html`<span class="rv-avg" role="img" aria-label="${t.average(avg)}"><b>★</b> ${avg}</span> <span class="rv-count">${t.count(s.count)}</span>`;
};

/** One published review: stars and date, the moderated text, the author, and whom or what it is about. */
export function reviewCard(lang: Lang, r: PublishedReview) {
  const t = REVIEW_TEXTS[lang];
  // «Сотрудник: Петрова Анна», as the widget says: the name alone under «Клиент» read as the author's.
  const [label, after] = t.about('\u0000').split('\u0000');
  const about = r.employee
    ? html`${label}<strong>${russianText(lang, r.employee.name)}</strong>${after}${r.employee.position ? html`, ${russianText(lang, r.employee.position)}` : ''}`
    : r.subject
      ? html`<strong>${russianText(lang, r.subject.title)}</strong>`
      : '';
  return html`<li class="card rv-item"><article>
<p class="rv-head">${stars(t, r.score)}<time datetime="${r.publishedAt}">${formatReviewDate(lang, r.publishedAt)}</time></p>
${r.text ? html`<p class="rv-text">${russianText(lang, r.text)}</p>` : ''}
<p class="rv-meta"><span class="rv-author">${russianText(lang, reviewAuthor(lang, r.name, r.organization))}</span>${about ? html`<br><span class="rv-about">${about}</span>` : ''}</p>
</article></li>`;
}

/** A row of the filter: a name (and position) with its average and count, `current` when shown. */
export const targetLink = (
  lang: Lang,
  href: string,
  current: boolean,
  r: Pick<TargetRating, 'name' | 'position'> & ReviewSummary,
) =>
  html`<li><a href="${href}"${current ? html` aria-current="page"` : ''}>
<span><strong>${russianText(lang, r.name)}</strong>${r.position ? html`<span class="pos">${russianText(lang, r.position)}</span>` : ''}</span>
<span class="rv-score">${summaryLine(lang, r)}</span></a></li>`;

/** The filter's group headings: small labels, not the size of the shown employee's name. */
export const FILTER_CSS =
  '.rv-people h2 { font-size: .8125rem; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: #556070; margin: 0 0 .5rem; }';
