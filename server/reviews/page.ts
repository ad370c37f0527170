import { Hono } from 'hono';
import { html } from 'hono/html';
import type { Lang } from '../../shared/lang.ts';
import { formatAverage, formatReviewDate, REVIEW_TEXTS } from '../../shared/review-texts.ts';
import { page } from '../http/page-layout.ts';
import { reviewAuthor } from './author.ts';
import { decodeCursor, encodeCursor } from './params.ts';
import {
  type EmployeeRating,
  employeeRatings,
  findActiveEmployee,
  listPublishedReviews,
  type PublishedReview,
  reviewSummary,
  type ReviewSummary,
} from './queries.ts';
import type { ReviewsDeps } from './routes.ts';
import { langPath, pageLang } from '../http/lang.ts';

/** Reviews a page shows: enough to read, few enough for a phone. */
export const PAGE_SIZE = 20;

type Texts = (typeof REVIEW_TEXTS)[Lang];

/** ★★★★ and a dimmed ★, named «Оценка 4 из 5» for screen readers. */
const stars = (t: Texts, score: number) =>
  html`<span class="rv-stars" role="img" aria-label="${t.score(score)}">${'★'.repeat(score)}<span class="off">${'★'.repeat(5 - score)}</span></span>`;

/** «★ 4,7 · 12 отзывов», the average named for screen readers. */
const summaryLine = (lang: Lang, s: ReviewSummary) => {
  const t = REVIEW_TEXTS[lang];
  if (s.average === null) return '';
  const avg = formatAverage(lang, s.average);
  return html`<span class="rv-avg" role="img" aria-label="${t.average(avg)}"><b>★</b> ${avg}</span> <span class="rv-count">${t.count(s.count)}</span>`;
};

function reviewCard(lang: Lang, r: PublishedReview) {
  const t = REVIEW_TEXTS[lang];
  const about = r.employee
    ? html`<strong>${r.employee.name}</strong>${r.employee.position ? html`, ${r.employee.position}` : ''}`
    : r.subjectTitle
      ? html`<strong>${r.subjectTitle}</strong>`
      : '';
  return html`<li class="card rv-item"><article>
<p class="rv-head">${stars(t, r.score)}<time datetime="${r.publishedAt}">${formatReviewDate(lang, r.publishedAt)}</time></p>
${r.text ? html`<p class="rv-text">${r.text}</p>` : ''}
<p class="rv-meta"><span class="rv-author">${reviewAuthor(lang, r.name, r.organization)}</span>${about ? html`<br><span class="rv-about">${about}</span>` : ''}</p>
</article></li>`;
}

/**
 * `GET /reviews`: published reviews, newest first, with each employee's average and count as
 * filter links (`?employee=slug`) and «Следующая страница» links (`?cursor=`). Plain HTML that
 * works without JavaScript; every value goes through hono/html, which escapes it. `?lang=en` (or
 * an English Accept-Language) for English. A wrong or stale cursor shows the first page: people
 * edit and truncate addresses, and a page of reviews is better than an error.
 */
export function reviewsPage(deps: ReviewsDeps) {
  return new Hono().get('/', async (c) => {
    const lang = pageLang(c);
    const t = REVIEW_TEXTS[lang];
    if (!c.req.query('lang')) c.header('Vary', 'Accept-Language');
    const slug = c.req.query('employee')?.trim().slice(0, 64) || undefined;
    const cursor = decodeCursor(c.req.query('cursor') ?? '') ?? undefined;

    const [list, summary, all, people, employee] = await Promise.all([
      listPublishedReviews(deps.db, { employee: slug, limit: PAGE_SIZE, cursor }),
      reviewSummary(deps.db, slug),
      slug ? reviewSummary(deps.db) : undefined,
      employeeRatings(deps.db),
      slug ? findActiveEmployee(deps.db, slug) : undefined,
    ]);

    const link = (params: { employee?: string; cursor?: string }) => {
      const q = new URLSearchParams();
      if (params.employee) q.set('employee', params.employee);
      if (params.cursor) q.set('cursor', params.cursor);
      if (c.req.query('lang')) q.set('lang', lang);
      const s = q.toString();
      return s ? `${c.req.path}?${s}` : c.req.path;
    };
    const total = all ?? summary;
    const person = (
      p: EmployeeRating,
    ) => html`<li><a href="${link({ employee: p.slug })}"${p.slug === slug ? html` aria-current="page"` : ''}>
<span><strong>${p.name}</strong>${p.position ? html`<span class="pos">${p.position}</span>` : ''}</span>
<span class="rv-score">${summaryLine(lang, p)}</span></a></li>`;

    const filter =
      people.length > 0
        ? html`<nav class="rv-people" aria-label="${t.employees}"><ul>
<li><a href="${link({})}"${slug ? '' : html` aria-current="page"`}><span><strong>${t.allEmployees}</strong></span><span class="rv-score">${summaryLine(lang, total)}</span></a></li>
${people.map(person)}</ul></nav>`
        : '';

    const heading = employee
      ? html`<h2>${employee.name}${employee.position ? html`<span class="pos">${employee.position}</span>` : ''}</h2>`
      : '';
    const rate = employee
      ? html`<p><a href="${langPath(`/r/${encodeURIComponent(employee.slug)}`, lang)}">${t.rate}</a></p>`
      : '';

    const body =
      list.items.length > 0
        ? html`${summary.average !== null ? html`<p class="rv-summary">${summaryLine(lang, summary)}</p>` : ''}
<ol class="rv-list">${list.items.map((r) => reviewCard(lang, r))}</ol>`
        : html`<div class="card rv-empty"><p>${t.empty}</p>${slug ? html`<p><a href="${link({})}">${t.seeAll}</a></p>` : ''}</div>`;

    const pager =
      cursor || list.nextCursor
        ? html`<nav class="rv-pager" aria-label="${t.pages}">${cursor ? html`<a href="${link({ employee: slug })}">${t.first}</a>` : html`<span></span>`}
${list.nextCursor ? html`<a rel="next" href="${link({ employee: slug, cursor: encodeCursor(list.nextCursor) })}">${t.next} →</a>` : ''}</nav>`
        : '';

    return c.html(
      page({
        lang,
        title: employee ? `${employee.name} — ${t.title}` : t.title,
        body: html`<h1>${t.title}</h1>
<p class="hint">${t.intro}</p>
${filter}${heading}${rate}${body}${pager}`,
      }),
    );
  });
}
