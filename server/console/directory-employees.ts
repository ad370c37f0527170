import type { Selectable } from 'kysely';
import { validate } from '../../shared/rules.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { EmployeeTable } from '../db/schema.ts';
import { decodeEmployeesFile, importEmployeesCsv, notText } from '../directory/csv-import.ts';
import { addEmployee, departmentIds, departmentsAddedSince, SlugTakenError } from '../directory/store.ts';
import { ApiError } from '../http/api-error.ts';
import { recordAudit } from '../audit/record.ts';
import type { Actor } from '../sessions/context.ts';
import { employeeCreate, employeePatch } from '../../shared/directory-schema.ts';

type Row = Selectable<EmployeeTable> & { department_name: string | null };

const shape = (e: Row) => ({
  id: e.id,
  slug: e.slug,
  name: e.name,
  position: e.position,
  departmentId: e.department_id,
  department: e.department_id ? { id: e.department_id, name: e.department_name ?? '' } : null,
  managerName: e.manager_name,
  managerEmail: e.manager_email,
  email: e.email,
  active: e.active === 1,
  createdAt: e.created_at,
  updatedAt: e.updated_at,
});

const employees = (db: Db) =>
  db
    .selectFrom('employees')
    .leftJoin('departments', 'departments.id', 'employees.department_id')
    .selectAll('employees')
    .select('departments.name as department_name');

export async function listEmployees(db: Db) {
  return (await employees(db).orderBy('employees.name').orderBy('employees.slug').execute()).map(shape);
}

export async function findEmployee(db: Db, slug: string) {
  const row = await employees(db).where('employees.slug', '=', slug).executeTakeFirst();
  if (!row) throw new ApiError(404, 'not_found');
  return shape(row);
}

async function departmentName(db: Db, id: string): Promise<string> {
  const d = await db.selectFrom('departments').select('name').where('id', '=', id).executeTakeFirst();
  if (!d) throw new ApiError(422, 'validation', { departmentId: 'invalid' });
  return d.name;
}

/**
 * Adds an employee. His slug must be free: an existing employee's or a rating subject's slug,
 * or one another request is adding at the same moment, is a 422 naming `slug` (the insert on
 * the slug's unique key decides, never a check before it). PATCH edits.
 */
export async function createEmployee(db: Db, clock: Clock, actor: Actor, input: Record<string, unknown>) {
  const r = validate(employeeCreate, input);
  if (!r.success) throw new ApiError(422, 'validation', r.errors);
  const { departmentId, ...rest } = r.data;
  const department = departmentId ? await departmentName(db, departmentId) : undefined;
  let id: string;
  try {
    ({ id } = await addEmployee(db, clock, { ...rest, department }));
  } catch (err) {
    if (err instanceof SlugTakenError) throw new ApiError(422, 'validation', { slug: 'slugTaken' });
    throw err;
  }
  // addEmployee keeps its own transaction (it claims the slug): the audit line follows it.
  await recordAudit(db, clock, {
    user: actor.user,
    action: 'directory.employee.create',
    target: { type: 'employee', id },
    details: r.data,
    ip: actor.ip,
  });
  return findEmployee(db, rest.slug);
}

const COLUMN = {
  name: 'name',
  position: 'position',
  departmentId: 'department_id',
  managerEmail: 'manager_email',
  managerName: 'manager_name',
  email: 'email',
  active: 'active',
} as const;

/** Edits an employee: any of his fields, `active: false` when he leaves (his links then accept nothing). */
export async function updateEmployee(db: Db, clock: Clock, actor: Actor, slug: string, input: Record<string, unknown>) {
  const r = validate(employeePatch, input);
  if (!r.success) throw new ApiError(422, 'validation', r.errors);
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('employees').selectAll().where('slug', '=', slug).executeTakeFirst();
    if (!before) throw new ApiError(404, 'not_found');
    if (r.data.departmentId) await departmentName(trx, r.data.departmentId);
    const set: Record<string, string | number | null> = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [field, column] of Object.entries(COLUMN)) {
      const value = r.data[field as keyof typeof r.data];
      if (value === undefined) continue;
      const stored = typeof value === 'boolean' ? (value ? 1 : 0) : value;
      if (before[column] === stored) continue;
      set[column] = stored;
      changes[field] = { from: column === 'active' ? before.active === 1 : before[column], to: value };
    }
    if (Object.keys(changes).length === 0) return;
    await trx
      .updateTable('employees')
      .set({ ...set, updated_at: clock.now().toISOString() })
      .where('id', '=', before.id)
      .execute();
    await recordAudit(trx, clock, {
      user: actor.user,
      action: 'directory.employee.update',
      target: { type: 'employee', id: before.id },
      details: { slug, changes },
      ip: actor.ip,
    });
  });
  return findEmployee(db, slug);
}

/**
 * Imports HR's CSV file, or with `dryRun` only says what the import would do (the console's
 * preview): who is added, which fields of whom change, each refused line by number. Text in
 * UTF-8, or Windows-1251 as Excel saves «CSV» on a Russian Windows. Only a real import is audited.
 */
export async function importEmployees(db: Db, clock: Clock, actor: Actor, file: File, dryRun: boolean) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (notText(bytes)) throw new ApiError(422, 'validation', { file: 'notCsv' });
  const text = decodeEmployeesFile(bytes);
  const departments = await departmentIds(db);
  const report = await importEmployeesCsv(db, clock, text, { dryRun });
  if (dryRun) return report;
  // A department its lines name for the first time is made: audited as one made by hand is.
  for (const d of await departmentsAddedSince(db, departments))
    await recordAudit(db, clock, {
      user: actor.user,
      action: 'directory.department.create',
      target: { type: 'department', id: d.id },
      details: { name: d.name },
      ip: actor.ip,
    });
  await recordAudit(db, clock, {
    user: actor.user,
    action: 'directory.employee.import',
    target: { type: 'employees', id: file.name.slice(0, 64) },
    details: { file: file.name, created: report.created, updated: report.updated, errors: report.errors.length },
    ip: actor.ip,
  });
  return report;
}
