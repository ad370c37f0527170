import { Hono } from 'hono';
import type { ReviewAnswer, ReviewsPageAnswer } from '../../shared/api-answers.ts';
import type { Lang } from '../../shared/lang.ts';
import type { Db } from '../db/connection.ts';
import { keptAnswers } from '../http/kept-answers.ts';
import { requestLang } from '../http/lang.ts';
import { reviewAuthor } from './author.ts';
import { encodeCursor, readReviewQuery } from './params.ts';
import { listPublishedReviews, type PublishedReview, reviewSummary } from './queries.ts';

export interface ReviewsDeps {
  db: Db;
}

/** A published review as the API shows it: the moderated text, the author shortened in `lang`. */
export const reviewItem = (lang: Lang, r: PublishedReview): ReviewAnswer => ({
  id: r.id,
  score: r.score,
  comment: r.text,
  author: reviewAuthor(lang, r.name, r.organization),
  employee: r.employee,
  subject: r.subject,
  publishedAt: r.publishedAt,
});

/**
 * `GET /api/v1/reviews?employee=&subject=&limit=&cursor=`: published reviews, newest first, for
 * `<otklik-reviews>` and other sites; with the count and average of the same filter. `subject` is
 * a rating subject's slug (`delivery`), or `employee` for every employee's reviews. The author and
 * a subject are named in the request's language (Accept-Language). A well-formed slug of nobody
 * gives an empty list, as any filter that matches nothing. `no-cache`: a review taken down is gone
 * at once, from every browser and proxy, rather than when a cached copy expires.
 */
export function reviewsApi(deps: ReviewsDeps) {
  // Every page of a site with the reviews widget asks for them: kept until the database changes.
  const kept = keptAnswers(deps.db);
  return new Hono().get('/', async (c) => {
    const query = readReviewQuery(c.req.query());
    const lang = requestLang(c);
    c.header('Vary', 'Accept-Language', { append: true }); // «Клиент» or «Client»
    c.header('Cache-Control', 'no-cache');
    const body = await kept(JSON.stringify([lang, query]), async () => {
      const [page, summary] = await Promise.all([
        listPublishedReviews(deps.db, { ...query, lang }),
        reviewSummary(deps.db, query),
      ]);
      const answer: ReviewsPageAnswer = {
        items: page.items.map((r) => reviewItem(lang, r)),
        nextCursor: page.nextCursor && encodeCursor(page.nextCursor),
        summary,
      };
      return JSON.stringify(answer);
    });
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  });
}
