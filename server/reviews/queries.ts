import type { ReviewSummary } from '../../shared/api-answers.ts';
import type { Lang } from '../../shared/lang.ts';
import type { Db } from '../db/connection.ts';
import { type ArgumentOf, preparedByShape, preparedQuery } from '../db/prepared-query.ts';
import { subjectTitle } from '../directory/targets.ts';

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

/** Which of a filter's parts are there: the SQL of the reviews' queries, one prepared query each. */
function shapeOf(filter: ReviewFilter, cursor?: ReviewCursor): string {
  const subject = filter.subject === undefined ? '' : filter.subject === 'employee' ? 'all-employees' : 'subject';
  return [filter.employee === undefined ? '' : 'employee', subject, cursor ? 'cursor' : ''].join('|');
}

/** The filter as the prepared query is built with: each part there an argument, `employee` as it is. */
function filterOf(shape: string, arg: ArgumentOf<ReviewFilter>): ReviewFilter {
  const [employee, subject] = shape.split('|');
  return {
    employee: employee ? arg('employee') : undefined,
    subject: subject === 'all-employees' ? 'employee' : subject ? arg('subject') : undefined,
  };
}

interface PageArgs extends ReviewFilter {
  limit: number;
  cursorAt?: string;
  cursorId?: string;
}

const pageQuery = preparedByShape((shape) =>
  preparedQuery<PageArgs, PublishedRow>((db, arg) => {
    let q = published(db, filterOf(shape, arg)).select([
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
    if (shape.endsWith('cursor')) {
      q = q.where((eb) =>
        eb.or([
          eb('r.published_at', '<', arg('cursorAt')!),
          eb.and([eb('r.published_at', '=', arg('cursorAt')!), eb('r.submission_id', '<', arg('cursorId')!)]),
        ]),
      );
    }
    return q.orderBy('r.published_at', 'desc').orderBy('r.submission_id', 'desc').limit(arg('limit'));
  }),
);

interface PublishedRow {
  id: string;
  score: number | null;
  text: string;
  name: string | null;
  organization: string | null;
  published_at: string | null;
  employee_slug: string | null;
  employee_name: string | null;
  employee_position: string | null;
  subject_slug: string | null;
  subject_title: string | null;
  subject_title_en: string | null;
}

const summaryQuery = preparedByShape((shape) =>
  preparedQuery<ReviewFilter, { count: number | string | bigint; sum: unknown }>((db, arg) =>
    published(db, filterOf(shape, arg)).select((eb) => [eb.fn.countAll().as('count'), eb.fn.sum('s.score').as('sum')]),
  ),
);

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
  const cursor = opts.cursor;
  const rows = await pageQuery(shapeOf(opts, cursor))(db, {
    employee: opts.employee,
    subject: opts.subject,
    limit: opts.limit + 1,
    cursorAt: cursor?.publishedAt,
    cursorId: cursor?.id,
  });
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
  const [row] = await summaryQuery(shapeOf(filter))(db, { employee: filter.employee, subject: filter.subject });
  const count = Number(row!.count);
  return { count, average: average(row!.sum, count) };
}
