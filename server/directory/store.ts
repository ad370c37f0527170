import type { Clock } from '../clock.ts';
import { sql } from 'kysely';
import { type Db, dbKind } from '../db/connection.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { newId } from '../ids.ts';
import { departmentKey } from '../../shared/directory-schema.ts';

/** A directory change refused for a reason its message gives, in Russian (the CLI and the import print it). */
export class DirectoryError extends Error {}

/** The slug is an employee's or a rating subject's already: `/r/:slug` names one of them only. */
export class SlugTakenError extends DirectoryError {
  constructor(
    readonly slug: string,
    readonly by: 'employee' | 'subject' | null,
  ) {
    super(
      `код «${slug}» уже занят${by === 'subject' ? ' предметом оценки' : by === 'employee' ? ' другим сотрудником' : ''}`,
    );
  }
}

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
  /** His own address, for his signature page's link. */
  email?: string;
  active?: boolean;
}

/**
 * Every department by its key (departmentKey): a company has tens of them. Of two made before
 * names were compared so («Склад» and «склад»), the older answers for both.
 */
export async function departmentsByKey(db: Db): Promise<Map<string, { id: string; name: string }>> {
  const rows = await db.selectFrom('departments').select(['id', 'name']).orderBy('created_at').orderBy('id').execute();
  const byKey = new Map<string, { id: string; name: string }>();
  for (const d of rows) {
    const key = departmentKey(d.name);
    if (!byKey.has(key)) byKey.set(key, d);
  }
  return byKey;
}

/**
 * Holds off, to the transaction's end, every other transaction that names a department on
 * PostgreSQL: the table's unique key is the exact name, so «Склад» and «склад» made at the same
 * moment would both pass the check by key. SQLite has one writer.
 */
export async function lockDepartmentNames(trx: Db): Promise<void> {
  if (dbKind(trx) === 'postgres')
    await sql`SELECT pg_advisory_xact_lock(hashtext('otklik:department-names'))`.execute(trx);
}

/**
 * The department of that name (departmentKey), created when it doesn't exist yet; responsible
 * person's fields that are given replace the stored ones.
 */
export async function saveDepartment(db: Db, clock: Clock, input: DepartmentInput): Promise<string> {
  await lockDepartmentNames(db);
  // By its stored name first, as an import's lines give it: the whole list only for another case.
  const found =
    (await db.selectFrom('departments').select(['id']).where('name', '=', input.name).executeTakeFirst()) ??
    (await departmentsByKey(db)).get(departmentKey(input.name));
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

/**
 * Claims a slug for an employee or a subject: the two never share one. The insert itself is the
 * check (the slug is the table's key), so two claims at once can't both win; the lookup before
 * it only names the owner in the message (after a failed statement PostgreSQL reads nothing more).
 */
async function claimSlug(db: Db, slug: string, owner: 'employee' | 'subject') {
  const holder = await db.selectFrom('rating_slugs').select('owner').where('slug', '=', slug).executeTakeFirst();
  if (holder) throw new SlugTakenError(slug, holder.owner === 'subject' ? 'subject' : 'employee');
  try {
    await db.insertInto('rating_slugs').values({ slug, owner }).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw new SlugTakenError(slug, null);
    throw err;
  }
}

const employeeFields = (input: EmployeeInput, departmentId: string | null, now: string) => ({
  name: input.name,
  position: input.position ?? null,
  department_id: departmentId,
  manager_email: input.managerEmail,
  manager_name: input.managerName ?? null,
  email: input.email ?? null,
  active: input.active === false ? 0 : 1,
  updated_at: now,
});

/**
 * Adds a new employee: a slug already taken (by an employee or a subject, even one added a
 * moment ago by someone else) is a SlugTakenError and nothing is written. A department named
 * for him that doesn't exist yet is created.
 */
export async function addEmployee(db: Db, clock: Clock, input: EmployeeInput): Promise<{ id: string }> {
  return db.transaction().execute(async (trx) => {
    await claimSlug(trx, input.slug, 'employee');
    const departmentId = input.department ? await saveDepartment(trx, clock, { name: input.department }) : null;
    const now = clock.now().toISOString();
    const id = newId();
    await trx
      .insertInto('employees')
      .values({ id, slug: input.slug, created_at: now, ...employeeFields(input, departmentId, now) })
      .execute();
    return { id };
  });
}

/**
 * Adds an employee, or overwrites every field of the one with that slug: for the demo and for
 * tests that set the directory up. People's changes go through `addEmployee`, the console's
 * PATCH and the CSV import, which leave unnamed fields as they are.
 */
export async function saveEmployee(
  db: Db,
  clock: Clock,
  input: EmployeeInput,
): Promise<{ id: string; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const departmentId = input.department ? await saveDepartment(trx, clock, { name: input.department }) : null;
    const now = clock.now().toISOString();
    const fields = employeeFields(input, departmentId, now);
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
  input: {
    slug: string;
    title: string;
    /** The English title; absent leaves it as it is, null clears it. */
    titleEn?: string | null;
    recipients: string[];
  },
): Promise<'added' | 'updated'> {
  return db.transaction().execute(async (trx) => {
    const recipients = JSON.stringify(input.recipients);
    const existing = await trx
      .selectFrom('rating_subjects')
      .select('id')
      .where('slug', '=', input.slug)
      .executeTakeFirst();
    if (existing) {
      await trx
        .updateTable('rating_subjects')
        .set({ title: input.title, recipients, ...(input.titleEn !== undefined && { title_en: input.titleEn }) })
        .where('id', '=', existing.id)
        .execute();
      return 'updated';
    }
    await claimSlug(trx, input.slug, 'subject');
    await trx
      .insertInto('rating_subjects')
      .values({
        id: newId(),
        slug: input.slug,
        title: input.title,
        title_en: input.titleEn ?? null,
        recipients,
        active: 1,
        created_at: clock.now().toISOString(),
      })
      .execute();
    return 'added';
  });
}

/**
 * The departments added since `before` (the ids there were): an employee's or an import's line
 * naming a department for the first time makes it, and its audit line says so.
 * @example const before = await departmentIds(db); …; await departmentsAddedSince(db, before) // [{ id, name: 'Склад' }]
 */
export async function departmentsAddedSince(db: Db, before: Set<string>): Promise<{ id: string; name: string }[]> {
  const now = await db.selectFrom('departments').select(['id', 'name']).orderBy('created_at').execute();
  return now.filter((d) => !before.has(d.id));
}

/** The ids of the departments there are, for departmentsAddedSince. */
export const departmentIds = async (db: Db): Promise<Set<string>> =>
  new Set((await db.selectFrom('departments').select('id').execute()).map((d) => d.id));
