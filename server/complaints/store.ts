import type { ComplaintChange } from '../../shared/console-card.ts';
import type { Actor } from '../sessions/context.ts';
import { logHistory } from '../audit/history.ts';
import type { Clock } from '../clock.ts';
import { type Expression, type SqlBool, sql } from 'kysely';
import { type Db, dbKind } from '../db/connection.ts';
import { ApiError } from '../http/api-error.ts';
import { newId } from '../ids.ts';
import { nextDue } from './deadlines.ts';

/**
 * A complaint and its submission, locked for the caller's transaction on PostgreSQL (SQLite has
 * one writer, and this transaction is it); 404 when the submission is no complaint. The
 * submission's row is locked first, as a change of the card's fields locks it before the
 * complaint's (card-changes.ts): one join locking both took them in the other order, and a step
 * marked while the department was changed deadlocked (500).
 */
export async function lockComplaint(trx: Db, submissionId: string) {
  if (dbKind(trx) === 'postgres')
    await trx.selectFrom('submissions').select('id').where('id', '=', submissionId).forUpdate().execute();
  let q = trx
    .selectFrom('complaints')
    .innerJoin('submissions', 'submissions.id', 'complaints.submission_id')
    .selectAll('complaints')
    .select(['submissions.number', 'submissions.status', 'submissions.email', 'submissions.lang', 'submissions.kind'])
    .select(['submissions.name', 'submissions.department_id', 'submissions.erased_at'])
    .where('complaints.submission_id', '=', submissionId);
  if (dbKind(trx) === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new ApiError(422, 'validation', { kind: 'notComplaint' });
  return row;
}

export type LockedComplaint = Awaited<ReturnType<typeof lockComplaint>>;

/** Refuses a change to a complaint that is closed. */
export function assertOpen(c: LockedComplaint): void {
  if (c.closed_at) throw new ApiError(409, 'conflict', { complaint: 'closed' });
}

/**
 * Refuses a change to stage 2 once it is closed. Stage 2 «улучшение» may outlive the complaint:
 * the client's case is closed with stage 1, the company's corrective tasks go on.
 */
export function assertStage2Open(c: LockedComplaint): void {
  if (c.stage2_closed_at) throw new ApiError(409, 'conflict', { stage: 'stage2Done' });
}

/**
 * Writes one event of the complaint's history and its audit line, in the caller's transaction:
 * the two always go together. `actor` null is the system (the client's survey answer).
 */
export async function logComplaintEvent(
  trx: Db,
  clock: Clock,
  actor: Actor | null,
  complaint: Pick<LockedComplaint, 'submission_id' | 'number'>,
  change: ComplaintChange,
): Promise<void> {
  const submission = { id: complaint.submission_id, number: complaint.number };
  await logHistory(trx, clock, actor, submission, 'complaint', change.type, change.data);
}

/**
 * Recomputes the complaint's nearest open deadline (what the inbox sorts by) after its steps
 * changed. Once stage 1 is closed it has none: a step left unmarked then (1.2, 1.3) is not
 * running late, and sorted the complaint first among the overdue ones for good.
 */
export async function refreshNextDue(trx: Db, clock: Clock, submissionId: string): Promise<void> {
  const steps = await trx
    .selectFrom('complaint_steps')
    .innerJoin('complaints', 'complaints.submission_id', 'complaint_steps.complaint_id')
    .select(['complaint_steps.due_at as dueAt', 'complaint_steps.done_at as doneAt', 'complaints.stage1_closed_at'])
    .where('complaint_steps.complaint_id', '=', submissionId)
    .execute();
  const stage1Closed = steps.some((s) => s.stage1_closed_at !== null);
  await trx
    .updateTable('complaints')
    .set({ next_due_at: stage1Closed ? null : nextDue(steps), updated_at: clock.now().toISOString() })
    .where('submission_id', '=', submissionId)
    .execute();
}

/**
 * Records that a step's notice («soon», «overdue», «escalation») was given, once per step and kind
 * whoever gives it (a reminders round on any instance, or the assignment letter). Whether it is
 * new: a second writer changes nothing and sends nothing.
 */
export async function recordNotice(
  trx: Db,
  notice: { complaintId: string; step: string; kind: 'soon' | 'overdue' | 'escalation'; at: string },
  /**
   * The moment this notice is due for: one recorded before it (sent for an earlier deadline, which
   * a calendar change has since moved ahead) is recorded again, and sent; one recorded at or after
   * it stands. Without it, any recorded one stands.
   */
  dueFor?: string,
): Promise<boolean> {
  const row = await trx
    .insertInto('complaint_notices')
    .values({ complaint_id: notice.complaintId, step: notice.step, kind: notice.kind, at: notice.at })
    .onConflict((oc) =>
      dueFor === undefined
        ? oc.columns(['complaint_id', 'step', 'kind']).doNothing()
        : oc
            .columns(['complaint_id', 'step', 'kind'])
            .doUpdateSet({ at: notice.at })
            .where('complaint_notices.at', '<', dueFor),
    )
    .returning('kind')
    .executeTakeFirst();
  return row !== undefined;
}

/** A step's notices, in the order they come. */
export const NOTICE_KINDS = ['soon', 'overdue', 'escalation'] as const;

/**
 * Counts the steps not done whose deadline is already past as reminded and escalated: a complaint
 * opened again, or a step's mark taken back, is not escalated the next minute for a deadline long
 * gone — the person who did it knows. `steps` narrows it to some steps.
 */
export async function quietPastDeadlines(trx: Db, clock: Clock, complaintId: string, steps?: string[]) {
  const now = clock.now().toISOString();
  const past = await trx
    .selectFrom('complaint_steps')
    .select('step')
    .where('complaint_id', '=', complaintId)
    .where('done_at', 'is', null)
    .where('due_at', '<=', now)
    .$if(steps !== undefined, (qb) => qb.where('step', 'in', steps!))
    .execute();
  for (const { step } of past)
    for (const kind of NOTICE_KINDS) await recordNotice(trx, { complaintId, step, kind, at: now });
}

/**
 * Sets a submission's status by the complaint's process (work started, closed, opened again), with
 * its event in the history.
 */
export async function setProcessStatus(
  trx: Db,
  clock: Clock,
  actor: Actor,
  c: Pick<LockedComplaint, 'submission_id' | 'status'>,
  to: string,
): Promise<void> {
  await trx.updateTable('submissions').set({ status: to }).where('id', '=', c.submission_id).execute();
  await trx
    .insertInto('submission_events')
    .values({
      id: newId(),
      submission_id: c.submission_id,
      at: clock.now().toISOString(),
      user_id: actor.user.id,
      type: 'status',
      data: JSON.stringify({ from: c.status, to }),
    })
    .execute();
}

/** Forgets the notices sent of steps whose deadline is replaced: the new deadline's are sent in their time. */
export const forgetNotices = (trx: Db, complaintId: string, steps: string[]) =>
  trx.deleteFrom('complaint_notices').where('complaint_id', '=', complaintId).where('step', 'in', steps).execute();

/**
 * The complaint made of a rating, if it was made one: its submission's id and number, and whether
 * the reader may open it (`visible`, his scope on `submissions`; without one, yes) — a handler
 * learns nothing of a complaint moved to another department, not even its number, only that it
 * was made.
 */
export async function complaintOfRating(db: Db, ratingId: string, visible: Expression<SqlBool> = sql<SqlBool>`true`) {
  const found = await db
    .selectFrom('complaints')
    .innerJoin('submissions', 'submissions.id', 'complaints.submission_id')
    .select(['submissions.id', 'submissions.number'])
    .select(sql<number | boolean>`case when ${visible} then 1 else 0 end`.as('visible'))
    .where('complaints.rating_id', '=', ratingId)
    .executeTakeFirst();
  return found && { id: found.id, number: found.number, visible: Number(found.visible) === 1 };
}
