import type { Selectable } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { EmployeeTable, RatingSubjectTable } from '../db/schema.ts';
import { newId } from '../ids.ts';

export type EmployeeRow = Selectable<EmployeeTable>;
export type SubjectRow = Selectable<RatingSubjectTable>;

export class DirectoryError extends Error {}

export interface DepartmentInput {
  name: string;
  responsibleName?: string;
  responsibleEmail?: string;
  /** The console user new complaints of the department go to. */
  responsibleUserId?: string;
}

export interface EmployeeInput {
  slug: string;
  name: string;
  position?: string;
  department?: string;
  managerEmail: string;
  managerName?: string;
  active?: boolean;
}

/**
 * The department of that name, created when it doesn't exist yet; responsible person's fields
 * that are given replace the stored ones.
 */
export async function saveDepartment(db: Db, clock: Clock, input: DepartmentInput): Promise<string> {
  const found = await db.selectFrom('departments').select('id').where('name', '=', input.name).executeTakeFirst();
  if (found) {
    const changes = {
      ...(input.responsibleName !== undefined && { responsible_name: input.responsibleName }),
      ...(input.responsibleEmail !== undefined && { responsible_email: input.responsibleEmail }),
    };
    if (Object.keys(changes).length > 0)
      await db.updateTable('departments').set(changes).where('id', '=', found.id).execute();
    return found.id;
  }
  const id = newId();
  await db
    .insertInto('departments')
    .values({
      id,
      name: input.name,
      responsible_name: input.responsibleName ?? null,
      responsible_email: input.responsibleEmail ?? null,
      responsible_user_id: input.responsibleUserId ?? null,
      created_at: clock.now().toISOString(),
    })
    .execute();
  return id;
}

/** Claims a slug for an employee or a subject: the two never share one. */
async function claimSlug(db: Db, slug: string, owner: 'employee' | 'subject') {
  try {
    await db.insertInto('rating_slugs').values({ slug, owner }).execute();
  } catch (err) {
    if (isUniqueViolation(err))
      throw new DirectoryError(
        `the slug "${slug}" is taken by ${owner === 'employee' ? 'a rating subject' : 'an employee'}`,
      );
    throw err;
  }
}

/**
 * Adds an employee, or updates the one with that slug. A department named for him that
 * doesn't exist yet is created.
 */
export async function saveEmployee(
  db: Db,
  clock: Clock,
  input: EmployeeInput,
): Promise<{ id: string; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const departmentId = input.department ? await saveDepartment(trx, clock, { name: input.department }) : null;
    const now = clock.now().toISOString();
    const fields = {
      name: input.name,
      position: input.position ?? null,
      department_id: departmentId,
      manager_email: input.managerEmail,
      manager_name: input.managerName ?? null,
      active: input.active === false ? 0 : 1,
      updated_at: now,
    };
    const existing = await trx.selectFrom('employees').select('id').where('slug', '=', input.slug).executeTakeFirst();
    if (existing) {
      await trx.updateTable('employees').set(fields).where('id', '=', existing.id).execute();
      return { id: existing.id, created: false };
    }
    await claimSlug(trx, input.slug, 'employee');
    const id = newId();
    await trx
      .insertInto('employees')
      .values({ id, slug: input.slug, created_at: now, ...fields })
      .execute();
    return { id, created: true };
  });
}

/** Marks an employee as no longer with the company: his links then accept nothing. */
export async function setEmployeeActive(db: Db, clock: Clock, slug: string, active: boolean): Promise<boolean> {
  const r = await db
    .updateTable('employees')
    .set({ active: active ? 1 : 0, updated_at: clock.now().toISOString() })
    .where('slug', '=', slug)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Adds a rating subject such as delivery, or updates the one with that slug. */
export async function saveSubject(
  db: Db,
  clock: Clock,
  input: { slug: string; title: string; recipients: string[] },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const recipients = JSON.stringify(input.recipients);
    const existing = await trx
      .selectFrom('rating_subjects')
      .select('id')
      .where('slug', '=', input.slug)
      .executeTakeFirst();
    if (existing) {
      await trx
        .updateTable('rating_subjects')
        .set({ title: input.title, recipients })
        .where('id', '=', existing.id)
        .execute();
      return;
    }
    await claimSlug(trx, input.slug, 'subject');
    await trx
      .insertInto('rating_subjects')
      .values({
        id: newId(),
        slug: input.slug,
        title: input.title,
        recipients,
        active: 1,
        created_at: clock.now().toISOString(),
      })
      .execute();
  });
}

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
