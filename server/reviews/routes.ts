import { Hono } from 'hono';
import type { Lang } from '../../shared/lang.ts';
import type { Db } from '../db/connection.ts';
import { requestLang } from '../http/lang.ts';
import { reviewAuthor } from './author.ts';
import { encodeCursor, readReviewQuery } from './params.ts';
import { listPublishedReviews, type PublishedReview, reviewSummary } from './queries.ts';

export interface ReviewsDeps {
  db: Db;
}

/** One item of `GET /api/v1/reviews`. */
export interface ReviewItem {
  id: string;
  score: number;
  /** The moderated text. */
  comment: string;
  /** «Анна П., ООО «Ромашка»», or «Клиент». */
  author: string;
  employee: { slug: string; name: string; position: string | null } | null;
  publishedAt: string;
}

export const reviewItem = (lang: Lang, r: PublishedReview): ReviewItem => ({
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
    return c.json({
      items: page.items.map((r) => reviewItem(lang, r)),
      nextCursor: page.nextCursor && encodeCursor(page.nextCursor),
      summary,
    });
  });
}
