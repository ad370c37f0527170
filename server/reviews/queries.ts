import type { ReviewSummary } from '../../shared/api-answers.ts';
import type { Db } from '../db/connection.ts';

/** Where the keyset pagination goes on: the last shown review's publication time and id. */
export interface ReviewCursor {
  publishedAt: string;
  id: string;
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
  /** The rating subject's title (e.g. «Качество доставки») of a review about no employee. */
  subjectTitle: string | null;
  publishedAt: string;
}

// The reviews page shows the same summary that `GET /api/v1/reviews` answers.
export type { ReviewSummary };

export interface EmployeeRating extends ReviewSummary {
  slug: string;
  name: string;
  position: string | null;
  average: number;
}

const average = (sum: unknown, count: number) => (count > 0 ? Math.round((Number(sum) / count) * 10) / 10 : null);

/**
 * The published reviews, and nothing else: approved by a moderator, *and* of a rating whose author
 * allowed publication (belt and braces: whatever a reviews row says, a rating without that consent
 * never shows), *and* about an active employee or about no employee at all.
 */
function published(db: Db, employee: string | undefined) {
  let q = db
    .selectFrom('reviews as r')
    .innerJoin('submissions as s', 's.id', 'r.submission_id')
    .leftJoin('employees as e', 'e.id', 's.employee_id')
    .where('r.status', '=', 'approved')
    .where('r.published_at', 'is not', null)
    .where('s.type', '=', 'rating')
    .where('s.publish', '=', 1)
    .where('s.score', 'is not', null)
    .where((eb) => eb.or([eb('s.employee_id', 'is', null), eb('e.active', '=', 1)]));
  if (employee !== undefined) q = q.where('e.slug', '=', employee);
  return q;
}

/**
 * One page of published reviews, newest first, optionally of one employee (by slug); `nextCursor`
 * continues after the last one, null on the last page. Keyset pagination: a page costs the same
 * however deep it is, and a review published meanwhile doesn't shift the next page.
 */
export async function listPublishedReviews(
  db: Db,
  opts: { employee?: string; limit: number; cursor?: ReviewCursor },
): Promise<{ items: PublishedReview[]; nextCursor: ReviewCursor | null }> {
  let q = published(db, opts.employee)
    .leftJoin('rating_subjects as rs', 'rs.slug', 's.subject')
    .select([
      'r.submission_id as id',
      's.score',
      'r.text',
      's.name',
      's.organization',
      'r.published_at',
      'e.slug as employee_slug',
      'e.name as employee_name',
      'e.position as employee_position',
      'rs.title as subject_title',
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
      subjectTitle: row.employee_slug ? null : row.subject_title,
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
 * How many published reviews there are and their average score, for all or one employee.
 * @example await reviewSummary(db, 'ivanov') // { count: 12, average: 4.7 }
 */
export async function reviewSummary(db: Db, employee?: string): Promise<ReviewSummary> {
  const row = await published(db, employee)
    .select((eb) => [eb.fn.countAll().as('count'), eb.fn.sum('s.score').as('sum')])
    .executeTakeFirstOrThrow();
  const count = Number(row.count);
  return { count, average: average(row.sum, count) };
}

/** Each active employee with published reviews: his average and count, by name. */
export async function employeeRatings(db: Db): Promise<EmployeeRating[]> {
  const rows = await published(db, undefined)
    .where('e.id', 'is not', null)
    .select((eb) => ['e.slug', 'e.name', 'e.position', eb.fn.countAll().as('count'), eb.fn.sum('s.score').as('sum')])
    .groupBy(['e.id', 'e.slug', 'e.name', 'e.position'])
    .orderBy('e.name')
    .orderBy('e.slug')
    .execute();
  return rows.map((r) => {
    const count = Number(r.count);
    return { slug: r.slug!, name: r.name!, position: r.position, count, average: average(r.sum, count) ?? 0 };
  });
}

/** An active employee by slug, for the page's heading when it shows his reviews (maybe none yet). */
export function findActiveEmployee(db: Db, slug: string) {
  return db
    .selectFrom('employees')
    .select(['slug', 'name', 'position'])
    .where('slug', '=', slug)
    .where('active', '=', 1)
    .executeTakeFirst();
}
