import type { Selectable } from 'kysely';
import { validate } from '../../shared/rules.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { DepartmentTable } from '../db/schema.ts';
import { departmentsByKey, lockDepartmentNames, saveDepartment } from '../directory/store.ts';
import { ApiError } from '../http/api-error.ts';
import { recordAudit } from '../audit/record.ts';
import type { Actor } from '../sessions/context.ts';
import { departmentCreate, departmentKey, departmentPatch } from '../../shared/directory-schema.ts';

const shape = (d: Selectable<DepartmentTable>) => ({
  id: d.id,
  name: d.name,
  responsibleName: d.responsible_name,
  responsibleEmail: d.responsible_email,
  responsibleUserId: d.responsible_user_id,
  createdAt: d.created_at,
});

/**
 * A department's default responsible must be an active console user who may handle its
 * complaints: an admin, the QMS, or a handler of that very department.
 */
async function checkResponsible(db: Db, userId: string | null | undefined, departmentId: string | null) {
  if (!userId) return;
  const u = await db
    .selectFrom('users')
    .select(['role', 'department_id', 'active'])
    .where('id', '=', userId)
    .executeTakeFirst();
  const fits =
    u &&
    u.active === 1 &&
    (u.role === 'admin' || u.role === 'qms' || (u.role === 'handler' && u.department_id === departmentId));
  if (!fits) throw new ApiError(422, 'validation', { responsibleUserId: 'responsible' });
}

export async function listDepartments(db: Db) {
  return (await db.selectFrom('departments').selectAll().orderBy('name').execute()).map(shape);
}

/** Whether another department has this name, whatever its case and spaces (departmentKey). */
async function nameTaken(db: Db, name: string, except?: string) {
  const found = (await departmentsByKey(db)).get(departmentKey(name));
  return found !== undefined && found.id !== except;
}

/** A unique violation of the exact name (behind lockDepartmentNames, a last guard) as the field's 422. */
async function uniqueName<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) throw new ApiError(422, 'validation', { name: 'departmentTaken' });
    throw err;
  }
}

/** Adds a department; a name already in use is a 422 naming `name`. */
export async function createDepartment(db: Db, clock: Clock, actor: Actor, input: Record<string, unknown>) {
  const r = validate(departmentCreate, input);
  if (!r.success) throw new ApiError(422, 'validation', r.errors);
  const id = await uniqueName(() =>
    db.transaction().execute(async (trx) => {
      await lockDepartmentNames(trx);
      if (await nameTaken(trx, r.data.name)) throw new ApiError(422, 'validation', { name: 'departmentTaken' });
      // A new department has no handlers yet: only an admin or the QMS can be its responsible.
      await checkResponsible(trx, r.data.responsibleUserId, null);
      const id = await saveDepartment(trx, clock, r.data);
      await recordAudit(trx, clock, {
        user: actor.user,
        action: 'directory.department.create',
        target: { type: 'department', id },
        details: r.data,
        ip: actor.ip,
      });
      return id;
    }),
  );
  return shape(await db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

/** Renames a department or changes its responsible person; `null` clears a responsible field. */
export async function updateDepartment(db: Db, clock: Clock, actor: Actor, id: string, input: Record<string, unknown>) {
  const r = validate(departmentPatch, input);
  if (!r.success) throw new ApiError(422, 'validation', r.errors);
  await uniqueName(() =>
    db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw new ApiError(404, 'not_found');
      // Its own name in another case is no other department's, whatever twin an older import made.
      const renamed = r.data.name !== undefined && departmentKey(r.data.name) !== departmentKey(before.name);
      if (renamed) await lockDepartmentNames(trx);
      if (renamed && (await nameTaken(trx, r.data.name!, id)))
        throw new ApiError(422, 'validation', { name: 'departmentTaken' });
      await checkResponsible(trx, r.data.responsibleUserId, id);
      const set = {
        ...(r.data.name !== undefined && { name: r.data.name }),
        ...(r.data.responsibleName !== undefined && { responsible_name: r.data.responsibleName }),
        ...(r.data.responsibleEmail !== undefined && { responsible_email: r.data.responsibleEmail }),
        ...(r.data.responsibleUserId !== undefined && { responsible_user_id: r.data.responsibleUserId }),
      };
      const changes = Object.fromEntries(
        Object.entries(set)
          .filter(([k, v]) => before[k as keyof typeof before] !== v)
          .map(([k, v]) => [k, { from: before[k as keyof typeof before], to: v }]),
      );
      if (Object.keys(changes).length === 0) return;
      await trx.updateTable('departments').set(set).where('id', '=', id).execute();
      await recordAudit(trx, clock, {
        user: actor.user,
        action: 'directory.department.update',
        target: { type: 'department', id },
        details: { name: before.name, changes },
        ip: actor.ip,
      });
    }),
  );
  return shape(await db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}
