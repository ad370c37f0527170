import { Hono } from 'hono';
import type { ReviewAnswer, ReviewsPageAnswer } from '../../shared/api-answers.ts';
import type { Lang } from '../../shared/lang.ts';
import type { Db } from '../db/connection.ts';
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
  publishedAt: r.publishedAt,
});

/**
 * `GET /api/v1/reviews?employee=&limit=&cursor=`: published reviews, newest first, for
 * `<otklik-reviews>` and other sites; with the count and average of the same filter. The author is
 * named in the request's language (Accept-Language). A well-formed slug of nobody gives an empty
 * list, as any filter that matches nothing.
 */
export function reviewsApi(deps: ReviewsDeps) {
  return new Hono().get('/', async (c) => {
    const query = readReviewQuery(c.req.query());
    const lang = requestLang(c);
    c.header('Vary', 'Accept-Language', { append: true }); // «Клиент» or «Client»
    const [page, summary] = await Promise.all([
      listPublishedReviews(deps.db, query),
      reviewSummary(deps.db, query.employee),
    ]);
    const answer: ReviewsPageAnswer = {
      items: page.items.map((r) => reviewItem(lang, r)),
      nextCursor: page.nextCursor && encodeCursor(page.nextCursor),
      summary,
    };
    return c.json(answer);
  });
}
