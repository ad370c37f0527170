import type { Lang } from '../../shared/lang.ts';
import type { Db } from '../db/connection.ts';
import { subjectTitle } from '../directory/targets.ts';
import { average, published, type ReviewSummary } from './queries.ts';

/** An employee's or a rating subject's published reviews: whose, their average and count. */
export interface TargetRating extends ReviewSummary {
  slug: string;
  /** The employee's name, or the subject's title («Качество доставки»). */
  name: string;
  /** The employee's position; null for a subject. */
  position: string | null;
  average: number;
}

const rated = (r: { slug: string | null; name: string | null; count: unknown; sum: unknown }) => {
  const count = Number(r.count);
  return { slug: r.slug!, name: r.name!, count, average: average(r.sum, count) ?? 0 };
};

/** Each active employee with published reviews: his average and count, by name. */
export async function employeeRatings(db: Db): Promise<TargetRating[]> {
  const rows = await published(db, { subject: 'employee' })
    .select((eb) => ['e.slug', 'e.name', 'e.position', eb.fn.countAll().as('count'), eb.fn.sum('s.score').as('sum')])
    .groupBy(['e.id', 'e.slug', 'e.name', 'e.position'])
    .orderBy('e.name')
    .orderBy('e.slug')
    .execute();
  return rows.map((r) => ({ ...rated(r), position: r.position }));
}

/** Each active rating subject (delivery, …) with published reviews: its average and count, by title in `lang`. */
export async function subjectRatings(db: Db, lang: Lang = 'ru'): Promise<TargetRating[]> {
  const rows = await published(db)
    .where('s.employee_id', 'is', null)
    .select((eb) => [
      'rs.slug',
      'rs.title',
      'rs.title_en',
      eb.fn.countAll().as('count'),
      eb.fn.sum('s.score').as('sum'),
    ])
    .groupBy(['rs.id', 'rs.slug', 'rs.title', 'rs.title_en'])
    .execute();
  return rows
    .map((r) => ({
      ...rated({ ...r, name: subjectTitle({ title: r.title!, title_en: r.title_en }, lang) }),
      position: null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, lang) || a.slug.localeCompare(b.slug));
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

/** An active rating subject by slug, titled in `lang`, for the page's heading when it shows its reviews. */
export async function findActiveSubject(db: Db, slug: string, lang: Lang = 'ru') {
  const s = await db
    .selectFrom('rating_subjects')
    .select(['slug', 'title', 'title_en'])
    .where('slug', '=', slug)
    .where('active', '=', 1)
    .executeTakeFirst();
  return s && { slug: s.slug, title: subjectTitle(s, lang) };
}
