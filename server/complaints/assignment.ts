import type { Actor } from '../sessions/context.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';
import { ApiError } from '../http/api-error.ts';
import { enqueueAssignedMail } from './mail.ts';
import { defaultResponsible, type Responsible } from './open.ts';
import { handles } from './handles.ts';
import { assertOpen, type LockedComplaint, lockComplaint, logComplaintEvent } from './store.ts';

async function nameOf(trx: Db, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  return (await trx.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst())?.name ?? null;
}

/**
 * Puts the complaint in a responsible person's hands (or nobody's, with null): the history
 * names both, and the new one is told by e-mail with the card's link and his deadlines.
 */
export async function assignResponsible(
  trx: Db,
  deps: { clock: Clock; config: Config },
  actor: Actor | null,
  c: LockedComplaint,
  to: Responsible | null,
): Promise<void> {
  assertOpen(c);
  if ((to?.id ?? null) === c.responsible_user_id) return;
  await setResponsible(trx, deps.clock, actor, c, to);
  if (to) await enqueueAssignedMail(trx, deps, c.submission_id, to);
}

async function setResponsible(trx: Db, clock: Clock, actor: Actor | null, c: LockedComplaint, to: Responsible | null) {
  const from = await nameOf(trx, c.responsible_user_id);
  await trx
    .updateTable('complaints')
    .set({ responsible_user_id: to?.id ?? null, updated_at: clock.now().toISOString() })
    .where('submission_id', '=', c.submission_id)
    .execute();
  c.responsible_user_id = to?.id ?? null;
  if (actor)
    await logComplaintEvent(trx, clock, actor, c, { type: 'responsible', data: { from, to: to?.name ?? null } });
}

/**
 * After a user was moved to another department, given another role or disabled: the open
 * complaints in his hands that he may no longer handle go to no one, each with a history row, for
 * the QMS to give them to someone. He got their reminders and could not open their cards.
 * @example await releaseOutOfReach(trx, clock, actor, userId)
 */
export async function releaseOutOfReach(trx: Db, clock: Clock, actor: Actor, userId: string): Promise<void> {
  const held = await trx
    .selectFrom('complaints')
    .innerJoin('submissions', 'submissions.id', 'complaints.submission_id')
    .select(['complaints.submission_id as id', 'submissions.department_id'])
    .where('complaints.responsible_user_id', '=', userId)
    .where('complaints.closed_at', 'is', null)
    .execute();
  if (held.length === 0) return;
  const u = await trx
    .selectFrom('users')
    .select(['role', 'department_id', 'active'])
    .where('id', '=', userId)
    .executeTakeFirst();
  for (const h of held) {
    if (u && handles(u, h.department_id)) continue;
    await setResponsible(trx, clock, actor, await lockComplaint(trx, h.id), null);
  }
}

/** The active console user of that id who may handle the complaint: any editor, or a handler of its department. */
export async function responsibleById(trx: Db, userId: string, departmentId: string | null): Promise<Responsible> {
  const u = await handlerOf(trx, userId, departmentId);
  if (!u) throw new ApiError(422, 'validation', { responsibleUserId: 'responsible' });
  return u;
}

/** Whether the user may handle a complaint of that department (responsibleById). */
export const mayHandle = async (trx: Db, userId: string, departmentId: string | null) =>
  (await handlerOf(trx, userId, departmentId)) !== null;

async function handlerOf(trx: Db, userId: string, departmentId: string | null): Promise<Responsible | null> {
  const u = await trx
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role', 'department_id', 'active'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return u && handles(u, departmentId) ? { id: u.id, name: u.name, email: u.email } : null;
}

/**
 * After the complaint moved to another department: its default responsible takes it, when it has
 * one. When it has none, a handler of the department it left gives it up: he could no longer even
 * open its card, and it waits, with no one named, for the QMS to give it to someone.
 */
export async function followDepartment(
  trx: Db,
  deps: { clock: Clock; config: Config },
  actor: Actor,
  c: LockedComplaint,
  departmentId: string | null,
): Promise<void> {
  if (c.closed_at) return;
  const next = await defaultResponsible(trx, departmentId);
  if (next) return assignResponsible(trx, deps, actor, c, next);
  if (c.responsible_user_id && !(await mayHandle(trx, c.responsible_user_id, departmentId)))
    await assignResponsible(trx, deps, actor, c, null);
}
