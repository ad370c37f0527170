import type { ReviewSummary } from '../../shared/api-answers.ts';
import type { Lang } from '../../shared/lang.ts';
import type { Db } from '../db/connection.ts';
import { subjectTitle } from '../directory/store.ts';

/** Where the keyset pagination goes on: the last shown review's publication time and id. */
export interface ReviewCursor {
  publishedAt: string;
  id: string;
}

/** Which published reviews: of one employee (by slug), of one subject (`employee`: of all employees), or all. */
export interface ReviewFilter {
  employee?: string | undefined;
  subject?: string | undefined;
}

export interface PublishedReview {
  id: string;
  score: number;
  /** The moderated text (possibly redacted), as the QMS approved it. */
  text: string;
  /** The author's name and organisation as given; shown only through `reviewAuthor`. */
  name: string | null;
  organization: string | null;
  employee: { slug: string; name: string; position: string | null } | null;
  /** The rating subject (e.g. `delivery`, «Качество доставки», in the list's language) of a review about no employee. */
  subject: { slug: string; title: string } | null;
  publishedAt: string;
}

// The reviews page shows the same summary that `GET /api/v1/reviews` answers.
export type { ReviewSummary };

/** An average to one decimal, null of no reviews. */
export const average = (sum: unknown, count: number) =>
  count > 0 ? Math.round((Number(sum) / count) * 10) / 10 : null;

/**
 * The published reviews, and nothing else: approved by a moderator (not rejected, not taken down),
 * *and* of a rating whose author allowed publication (belt and braces: whatever a reviews row says,
 * a rating without that consent never shows), *and* about an active employee or an active rating
 * subject. A subject's reviews are never an employee's: `subject: 'employee'` is every employee's.
 */
export function published(db: Db, filter: ReviewFilter = {}) {
  let q = db
    .selectFrom('reviews as r')
    .innerJoin('submissions as s', 's.id', 'r.submission_id')
    .leftJoin('employees as e', 'e.id', 's.employee_id')
    .leftJoin('rating_subjects as rs', (join) =>
      join.onRef('rs.slug', '=', 's.subject').on('s.employee_id', 'is', null),
    )
    .where('r.status', '=', 'approved')
    .where('r.published_at', 'is not', null)
    .where('s.type', '=', 'rating')
    .where('s.publish', '=', 1)
    .where('s.score', 'is not', null)
    .where((eb) => eb.or([eb('e.active', '=', 1), eb('rs.active', '=', 1)]));
  if (filter.employee !== undefined) q = q.where('e.slug', '=', filter.employee);
  if (filter.subject === 'employee') q = q.where('s.employee_id', 'is not', null);
  else if (filter.subject !== undefined) q = q.where('rs.slug', '=', filter.subject);
  return q;
}

/**
 * One page of published reviews, newest first, of all or of the filter's employee or subject, a
 * subject named in `lang` (Russian unless said); `nextCursor` continues after the last one, null on
 * the last page. Keyset pagination: a page costs
 * the same however deep it is, and a review published meanwhile doesn't shift the next page.
 */
export async function listPublishedReviews(
  db: Db,
  opts: ReviewFilter & { limit: number; cursor?: ReviewCursor | undefined; lang?: Lang },
): Promise<{ items: PublishedReview[]; nextCursor: ReviewCursor | null }> {
  let q = published(db, opts).select([
    'r.submission_id as id',
    's.score',
    'r.text',
    's.name',
    's.organization',
    'r.published_at',
    'e.slug as employee_slug',
    'e.name as employee_name',
    'e.position as employee_position',
    'rs.slug as subject_slug',
    'rs.title as subject_title',
    'rs.title_en as subject_title_en',
  ]);
  const cursor = opts.cursor;
  if (cursor) {
    q = q.where((eb) =>
      eb.or([
        eb('r.published_at', '<', cursor.publishedAt),
        eb.and([eb('r.published_at', '=', cursor.publishedAt), eb('r.submission_id', '<', cursor.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('r.published_at', 'desc')
    .orderBy('r.submission_id', 'desc')
    .limit(opts.limit + 1)
    .execute();
  const items = rows.slice(0, opts.limit).map(
    (row): PublishedReview => ({
      id: row.id,
      score: Number(row.score),
      text: row.text,
      name: row.name,
      organization: row.organization,
      employee:
        row.employee_slug && row.employee_name
          ? { slug: row.employee_slug, name: row.employee_name, position: row.employee_position }
          : null,
      subject:
        row.subject_slug && row.subject_title
          ? {
              slug: row.subject_slug,
              title: subjectTitle({ title: row.subject_title, title_en: row.subject_title_en }, opts.lang ?? 'ru'),
            }
          : null,
      publishedAt: row.published_at!,
    }),
  );
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > opts.limit && last ? { publishedAt: last.publishedAt, id: last.id } : null,
  };
}

/**
 * How many published reviews there are and their average score, of all or of the filter's.
 * @example await reviewSummary(db, { employee: 'ivanov' }) // { count: 12, average: 4.7 }
 */
export async function reviewSummary(db: Db, filter: ReviewFilter = {}): Promise<ReviewSummary> {
  const row = await published(db, filter)
    .select((eb) => [eb.fn.countAll().as('count'), eb.fn.sum('s.score').as('sum')])
    .executeTakeFirstOrThrow();
  const count = Number(row.count);
  return { count, average: average(row.sum, count) };
}
