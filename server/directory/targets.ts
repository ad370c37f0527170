import type { Selectable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { EmployeeTable, RatingSubjectTable } from '../db/schema.ts';

// Reading the directory: who or what a rating link names, and how a subject is called. Its
// changes are store.ts.

export type EmployeeRow = Selectable<EmployeeTable>;
export type SubjectRow = Selectable<RatingSubjectTable>;

/**
 * A subject's title in a page's or a message's language: the English one when it has one.
 * @example subjectTitle({ title: 'Качество доставки', title_en: 'Delivery quality' }, 'en') // 'Delivery quality'
 */
export const subjectTitle = (subject: Pick<SubjectRow, 'title' | 'title_en'>, lang: 'ru' | 'en'): string =>
  (lang === 'en' && subject.title_en) || subject.title;

export type RatingTargetRow =
  | { kind: 'employee'; employee: EmployeeRow; department: string | null }
  | { kind: 'subject'; subject: SubjectRow };

/** Who or what a rating link's slug names, active or not; undefined when nothing. */
export async function findRatingTarget(db: Db, slug: string): Promise<RatingTargetRow | undefined> {
  const employee = await db
    .selectFrom('employees')
    .leftJoin('departments', 'departments.id', 'employees.department_id')
    .selectAll('employees')
    .select('departments.name as department')
    .where('employees.slug', '=', slug)
    .executeTakeFirst();
  if (employee) {
    const { department, ...row } = employee;
    return { kind: 'employee', employee: row, department: department ?? null };
  }
  const subject = await db.selectFrom('rating_subjects').selectAll().where('slug', '=', slug).executeTakeFirst();
  return subject ? { kind: 'subject', subject } : undefined;
}

/** Whether the directory has no employee yet (the demo seeds one then). */
export async function directoryIsEmpty(db: Db): Promise<boolean> {
  return !(await db.selectFrom('employees').select('id').limit(1).executeTakeFirst());
}
