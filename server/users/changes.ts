import { setPassword } from '../auth/credentials.ts';
import { hashPassword, oneTimePassword } from '../auth/password.ts';
import { deleteUserSessions } from '../sessions/sessions.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { ApiError } from '../http/api-error.ts';
import { recordAudit } from '../audit/record.ts';
import { releaseOutOfReach } from '../complaints/assignment.ts';
import type { Actor } from '../sessions/context.ts';
import type { NewUserInput, UserChanges } from './input.ts';
import { departmentExists, EmailTakenError, findUser, insertUser, lockActiveAdmins, type UserItem } from './store.ts';

/** An admin adds a user with a one-time password that must be replaced at first sign-in. */
export async function createConsoleUser(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: NewUserInput,
): Promise<{ user: UserItem; oneTimePassword: string }> {
  if (input.departmentId && !(await departmentExists(db, input.departmentId)))
    throw new ApiError(422, 'validation', { departmentId: 'invalid' });
  const password = oneTimePassword();
  const hash = await hashPassword(password);
  const id = await db.transaction().execute(async (trx) => {
    let userId: string;
    try {
      userId = await insertUser(trx, clock, { ...input, passwordHash: hash, mustChangePassword: true });
    } catch (err) {
      if (err instanceof EmailTakenError)
        throw new ApiError(409, 'conflict', { email: 'emailTaken' }, { says: 'emailTaken' });
      throw err;
    }
    await recordAudit(trx, clock, {
      user: actor.user,
      action: 'user.create',
      target: { type: 'user', id: userId },
      details: { email: input.email, name: input.name, role: input.role, departmentId: input.departmentId },
      ip: actor.ip,
    });
    return userId;
  });
  return { user: (await findUser(db, id))!, oneTimePassword: password };
}

/**
 * Changes a user's name, role, department or whether he may sign in. A role change or
 * disabling ends his sessions at once. No change may leave the console without an active admin.
 */
export async function updateConsoleUser(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  changes: UserChanges,
): Promise<UserItem> {
  return db.transaction().execute(async (trx) => {
    const before = await findUser(trx, id);
    if (!before) throw new ApiError(404, 'not_found');
    const after = {
      name: changes.name ?? before.name,
      role: changes.role ?? before.role,
      departmentId: changes.departmentId !== undefined ? changes.departmentId : before.departmentId,
      active: changes.active ?? before.active,
    };
    if (after.role === 'handler' && !after.departmentId)
      throw new ApiError(422, 'validation', { departmentId: 'required' });
    if (
      after.departmentId &&
      after.departmentId !== before.departmentId &&
      !(await departmentExists(trx, after.departmentId))
    ) {
      throw new ApiError(422, 'validation', { departmentId: 'invalid' });
    }
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['name', 'role', 'departmentId', 'active'] as const) {
      if (after[key] !== before[key]) diff[key] = { from: before[key], to: after[key] };
    }
    if (Object.keys(diff).length === 0) return before;

    const losesAdmin = before.role === 'admin' && before.active && (after.role !== 'admin' || !after.active);
    if (losesAdmin && (await lockActiveAdmins(trx)) <= 1)
      throw new ApiError(409, 'conflict', { [diff.role ? 'role' : 'active']: 'lastAdmin' }, { says: 'lastAdmin' });

    await trx
      .updateTable('users')
      .set({
        name: after.name,
        role: after.role,
        department_id: after.departmentId,
        active: after.active ? 1 : 0,
        updated_at: clock.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    // Sessions read the user's role and department on every request; ending them on a role
    // change or disabling also signs out a console tab that still shows what he could do before.
    if (diff.role || diff.active) await deleteUserSessions(trx, id);
    if (diff.role || diff.active || diff.departmentId) await releaseOutOfReach(trx, clock, actor, id);
    await recordAudit(trx, clock, {
      user: actor.user,
      action: 'user.update',
      target: { type: 'user', id },
      details: { email: before.email, changes: diff },
      ip: actor.ip,
    });
    return (await findUser(trx, id))!;
  });
}

/**
 * An admin gives a user who forgot his password a new one-time password; his sessions end.
 * (The last admin himself can use `npm run cli -- user password --email …`.)
 */
export async function resetUserPassword(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
): Promise<{ user: UserItem; oneTimePassword: string }> {
  const user = await findUser(db, id);
  if (!user) throw new ApiError(404, 'not_found');
  const password = oneTimePassword();
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await setPassword(trx, clock, id, hash, true);
    await deleteUserSessions(trx, id);
    await recordAudit(trx, clock, {
      user: actor.user,
      action: 'user.password_reset',
      target: { type: 'user', id },
      details: { email: user.email },
      ip: actor.ip,
    });
  });
  return { user: { ...user, mustChangePassword: true }, oneTimePassword: password };
}
