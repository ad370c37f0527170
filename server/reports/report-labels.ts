import type { Count, Share } from '../../shared/console-reports.ts';
import { type SqlBool, sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { FORM_TEXTS } from '../../shared/i18n.ts';

/** What a report calls an empty answer or a missing department. */
export const NONE = 'none';
export const NONE_LABEL = 'Не указано';
export const NO_DEPARTMENT_LABEL = 'Без подразделения';

/** Feedback kinds in the form's order, then ratings: the monthly analysis always lists all four. */
export const REPORT_KINDS = ['thanks', 'complaint', 'suggestion', 'rating'] as const;

export const KIND_LABELS: Record<string, string> = { ...FORM_TEXTS.ru.kinds, rating: 'Оценка' };

/**
 * A share of a whole, 0…1, exact: rounded here and again where it is shown, 12 of 22 (54.545 %)
 * became 0.5455 and then «54,6 %» in the CSV and in Excel. Null of nothing.
 */
export const shareOf = (count: number, whole: number): number | null => (whole === 0 ? null : count / whole);

export const withShare = (c: Count, whole: number): Share => ({ ...c, share: shareOf(c.count, whole) });

/** Most first; equal counts by name, so the order is the same every time. */
export const byCountThenLabel = (a: Count, b: Count) => b.count - a.count || a.label.localeCompare(b.label, 'ru');

/** Every department's name by id (a small table: read whole). */
export async function departmentNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('departments').select(['id', 'name']).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Today's names by the key a report lists them under: employees and rating subjects (what ratings
 * are given to) by slug, console users (responsible persons) by id. A kept month holds the names
 * it was counted with; a renamed employee is shown by his new name in every period, as a renamed
 * department is.
 */
export async function listedNames(db: Db) {
  const employees = await db.selectFrom('employees').select(['slug', 'name']).execute();
  const subjects = await db.selectFrom('rating_subjects').select(['slug', 'title']).execute();
  const users = await db.selectFrom('users').select(['id', 'name']).execute();
  return {
    employees: new Map(employees.map((e) => [e.slug, e.name])),
    subjects: new Map(subjects.map((s) => [s.slug, s.title])),
    users: new Map(users.map((u) => [u.id, u.name])),
  };
}

/** SQL's counts are numbers on SQLite and text (bigint, numeric) on PostgreSQL. */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/**
 * The ids of one department's submissions, for `complaint_id in (…)`: SQLite reads them once
 * from the department's index (department_id, id) and checks each step or complaint of the
 * period against the list, many times faster at a million rows than looking up every row's
 * submission.
 */
export const ofDepartment = (db: Db, departmentId: string) =>
  db.selectFrom('submissions').select('id').where(sameDepartment('department_id', departmentId));

/**
 * A row of one department, or of none when the report asks for `NONE` (the site's complaints
 * before anyone assigns them): the column's equality, or its emptiness.
 * @example qb.where(sameDepartment('submissions.department_id', 'none'))
 */
export const sameDepartment = (column: 'submissions.department_id' | 'department_id', departmentId: string) =>
  departmentId === NONE ? sql<SqlBool>`${sql.ref(column)} is null` : sql<SqlBool>`${sql.ref(column)} = ${departmentId}`;

/**
 * A column compared as `column || ''`, which no index serves: checked against ofDepartment's
 * list, SQLite would otherwise walk the department's every id into the steps' primary key
 * instead of reading only the period (1.2 s against 55 ms for a month at a million rows).
 */
export const unindexed = (column: 'complaints.submission_id' | 'complaint_steps.complaint_id') =>
  sql<string>`${sql.ref(column)} || ''`;
