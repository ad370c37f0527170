import type { ModerationList, ModerationPage } from '../../shared/console-moderation.ts';
import type { Db } from '../db/connection.ts';
import { reviewAuthor } from '../reviews/author.ts';
import { encodeCursor, type Position } from '../http/cursor.ts';
import { type Scope, scopeCondition } from './scope.ts';

/**
 * A moderator's list, after `after`, with how many it holds in all. `pending`: reviews awaiting a
 * decision, oldest first (the longest-waiting author is served first). `published`: the reviews
 * on the site now, newest published first, for taking one down again.
 */
export async function moderationQueue(
  db: Db,
  scope: Scope,
  page: { after?: Position | undefined; limit: number },
  list: ModerationList = 'pending',
): Promise<ModerationPage> {
  // The queue by arrival, oldest first; the published by publication, newest first.
  const key = list === 'pending' ? 'reviews.created_at' : 'reviews.published_at';
  const dir = list === 'pending' ? 'asc' : 'desc';
  const base = () => {
    const q = db
      .selectFrom('reviews')
      .innerJoin('submissions', 'submissions.id', 'reviews.submission_id')
      .where('reviews.status', '=', list === 'pending' ? 'pending' : 'approved')
      .where(scopeCondition(scope));
    // Published is what the site can show: never a row, however it got there, without consent.
    return list === 'pending' ? q : q.where('submissions.type', '=', 'rating').where('submissions.publish', '=', 1);
  };
  let q = base()
    .leftJoin('employees', 'employees.id', 'submissions.employee_id')
    .leftJoin('rating_subjects', 'rating_subjects.slug', 'submissions.subject')
    .select([
      'reviews.submission_id',
      'reviews.status',
      'reviews.text',
      'reviews.redacted',
      'reviews.created_at',
      'reviews.published_at',
      'submissions.number',
      'submissions.score',
      'submissions.message',
      'submissions.name',
      'submissions.organization',
      'submissions.email',
      'submissions.subject',
      'rating_subjects.title as subject_title',
      'employees.slug as employee_slug',
      'employees.name as employee_name',
      'employees.position as employee_position',
    ])
    // A review is made only for a rating (ratings/intake.ts), and every rating has both.
    .$narrowType<{ score: number; subject: string }>()
    .orderBy(key, dir)
    .orderBy('reviews.submission_id', dir)
    .limit(page.limit + 1);
  if (page.after) {
    const { at, id } = page.after;
    const [past, beyond] = dir === 'asc' ? (['>=', '>'] as const) : (['<=', '<'] as const);
    q = q.where(key, past, at).where((eb) => eb.or([eb(key, beyond, at), eb('reviews.submission_id', beyond, id)]));
  }
  const [rows, total] = await Promise.all([
    q.execute(),
    base()
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  const last = shown[shown.length - 1];
  return {
    items: shown.map((r) => ({
      submissionId: r.submission_id,
      number: r.number,
      status: r.status,
      score: r.score,
      comment: r.message,
      text: r.text,
      redacted: r.redacted === 1,
      author: { name: r.name, organization: r.organization, email: r.email },
      publicAuthor: reviewAuthor('ru', r.name, r.organization),
      employee: r.employee_slug
        ? { slug: r.employee_slug, name: r.employee_name ?? '', position: r.employee_position ?? null }
        : null,
      subject: r.subject,
      subjectTitle: r.subject_title ?? null,
      createdAt: r.created_at,
      publishedAt: r.published_at,
    })),
    nextCursor:
      more && last
        ? encodeCursor({ at: (list === 'pending' ? last.created_at : last.published_at) ?? '', id: last.submission_id })
        : null,
    total: Number(total.n),
  };
}
