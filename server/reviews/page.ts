import { Hono } from 'hono';
import { html } from 'hono/html';
import type { Lang } from '../../shared/lang.ts';
import { REVIEW_TEXTS } from '../../shared/review-texts.ts';
import { langPath, pageLang } from '../http/lang.ts';
import { page } from '../http/page-layout.ts';
import { russianText } from '../http/russian-text.ts';
import { employeeRatings, findActiveEmployee, findActiveSubject, subjectRatings } from './averages.ts';
import { FILTER_CSS, reviewCard, summaryLine, targetLink } from './page-parts.ts';
import { decodeCursor, encodeCursor } from './params.ts';
import { listPublishedReviews, type ReviewFilter, reviewSummary } from './queries.ts';
import type { ReviewsDeps } from './routes.ts';

/** Reviews a page shows: enough to read, few enough for a phone. */
export const PAGE_SIZE = 20;

const slugParam = (value: string | undefined) => value?.trim().slice(0, 64) || undefined;

/** Whose reviews the page shows: an employee's, a subject's, every employee's, or (none) all. */
async function shownTarget(deps: ReviewsDeps, filter: ReviewFilter, lang: Lang) {
  if (filter.employee) {
    const e = await findActiveEmployee(deps.db, filter.employee);
    return e && { name: e.name, position: e.position, rate: `/r/${encodeURIComponent(e.slug)}` };
  }
  if (filter.subject === 'employee') return { name: REVIEW_TEXTS[lang].allEmployees, position: null, rate: null };
  if (filter.subject) {
    const s = await findActiveSubject(deps.db, filter.subject, lang);
    return s && { name: s.title, position: null, rate: `/r/${encodeURIComponent(s.slug)}` };
  }
  return undefined;
}

/**
 * `GET /reviews`: published reviews, newest first, with the averages and counts as filter links:
 * all, each employee (`?employee=slug`), every employee together (`?subject=employee`) and each
 * rating subject such as delivery (`?subject=delivery`), in their own groups; «Следующая
 * страница» links (`?cursor=`). Plain HTML that works without JavaScript; every value goes
 * through hono/html, which escapes it. `?lang=en` (or an English Accept-Language) for English. A
 * wrong or stale cursor shows the first page: people edit and truncate addresses, and a page of
 * reviews is better than an error. `no-cache`, as the API: a review taken down is gone at once.
 */
export function reviewsPage(deps: ReviewsDeps) {
  return new Hono().get('/', async (c) => {
    const lang = pageLang(c);
    const t = REVIEW_TEXTS[lang];
    c.header('Cache-Control', 'no-cache');
    const employee = slugParam(c.req.query('employee'));
    const filter: ReviewFilter = employee ? { employee } : { subject: slugParam(c.req.query('subject')) };
    const filtered = !!(filter.employee || filter.subject);
    const cursor = decodeCursor(c.req.query('cursor') ?? '') ?? undefined;

    const [list, summary, all, employeesTotal, people, services, target] = await Promise.all([
      listPublishedReviews(deps.db, { ...filter, limit: PAGE_SIZE, cursor, lang }),
      reviewSummary(deps.db, filter),
      filtered ? reviewSummary(deps.db) : undefined,
      reviewSummary(deps.db, { subject: 'employee' }),
      employeeRatings(deps.db),
      subjectRatings(deps.db, lang),
      shownTarget(deps, filter, lang),
    ]);

    const link = (params: ReviewFilter & { cursor?: string }) => {
      const q = new URLSearchParams();
      if (params.employee) q.set('employee', params.employee);
      if (params.subject) q.set('subject', params.subject);
      if (params.cursor) q.set('cursor', params.cursor);
      if (c.req.query('lang')) q.set('lang', lang);
      const s = q.toString();
      return s ? `${c.req.path}?${s}` : c.req.path;
    };
    const row = (f: ReviewFilter, r: Parameters<typeof targetLink>[3]) =>
      targetLink(lang, link(f), f.employee === filter.employee && f.subject === filter.subject, r);

    // The employees' and the services' averages apart: a delivery's stars are no employee's.
    const employeesGroup =
      people.length > 0
        ? html`<h2>${t.employees}</h2><ul>
${services.length > 0 ? row({ subject: 'employee' }, { name: t.allEmployees, position: null, ...employeesTotal }) : ''}
${people.map((p) => row({ employee: p.slug }, p))}</ul>`
        : '';
    const servicesGroup =
      services.length > 0
        ? html`<h2>${t.services}</h2><ul>
${services.map((s) => row({ subject: s.slug }, s))}</ul>`
        : '';
    const nav =
      people.length + services.length > 0
        ? html`<nav class="rv-people" aria-label="${t.filter}"><ul>
${row({}, { name: t.allReviews, position: null, ...(all ?? summary) })}</ul>
${employeesGroup}${servicesGroup}</nav>`
        : '';

    const heading = target
      ? html`<h2>${russianText(lang, target.name)}${target.position ? html`<span class="pos">${russianText(lang, target.position)}</span>` : ''}</h2>`
      : '';
    const rate = target?.rate
      ? html`<p><a href="${langPath(target.rate, lang)}">${filter.employee ? t.rate : t.rateSubject}</a></p>`
      : '';

    const body =
      list.items.length > 0
        ? html`${summary.average !== null ? html`<p class="rv-summary">${summaryLine(lang, summary)}</p>` : ''}
<ol class="rv-list">${list.items.map((r) => reviewCard(lang, r))}</ol>`
        : html`<div class="card rv-empty"><p>${t.empty}</p>${filtered ? html`<p><a href="${link({})}">${t.seeAll}</a></p>` : ''}</div>`;

    const pager =
      cursor || list.nextCursor
        ? html`<nav class="rv-pager" aria-label="${t.pages}">${cursor ? html`<a href="${link(filter)}">${t.first}</a>` : html`<span></span>`}
${list.nextCursor ? html`<a rel="next" href="${link({ ...filter, cursor: encodeCursor(list.nextCursor) })}">${t.next} →</a>` : ''}</nav>`
        : '';

    return c.html(
      page(c, {
        lang,
        title: target ? `${target.name} — ${t.title}` : t.title,
        css: FILTER_CSS,
        body: html`<h1>${t.title}</h1>
<p class="hint">${t.intro}</p>
${nav}${heading}${rate}${body}${pager}`,
      }),
    );
  });
}
