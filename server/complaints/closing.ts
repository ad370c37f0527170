import type { AnyFieldErrorCode } from '../http/api-error.ts';
import type { Actor } from '../sessions/context.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { ApiError } from '../http/api-error.ts';
import { pastInstant } from '../../shared/calendar-schema.ts';
import { text, validate } from '../../shared/rules.ts';
import type { Config } from '../env.ts';
import { followDepartment, mayHandle } from './assignment.ts';
import { deadlineFrom } from './deadlines.ts';
import {
  assertOpen,
  assertStage2Open,
  type LockedComplaint,
  logComplaintEvent,
  forgetNotices,
  quietPastDeadlines,
  refreshNextDue,
  setProcessStatus,
} from './store.ts';
import { loadCalendar } from '../calendar/calendar-store.ts';

/**
 * When a closing happened: now, or the earlier moment the person gives (recording a complaint after
 * the fact, as a step may be), not before what it closes (`marks`: its steps' marks) nor its last
 * reopening, so the days to close and the reports' shares closed in time are counted from real times.
 */
function closedAt(input: { at?: unknown }, clock: Clock, marks: Array<string | null>, reopened: string | null): string {
  const after = latest([...marks, reopened]);
  const error = reopened !== null && after === reopened ? 'beforeReopen' : 'beforeStep';
  const at = pastInstant(input.at, clock.now(), { at: new Date(after), error });
  if ('error' in at) throw new ApiError(422, 'validation', { at: at.error });
  return at.value.toISOString();
}

/** The latest of ISO instants (one at least is there). */
const latest = (instants: Array<string | null>): string =>
  instants.reduce<string>((a, b) => (b !== null && Date.parse(b) > Date.parse(a) ? b : a), instants.find(Boolean)!);

/**
 * Closes stage 1 «коррекция»: the solution was checked (1.5 done), and the complaint's
 * justification and the client's satisfaction and loyalty are known. Handing it over for closing
 * is step 1.6, marked done then if it wasn't. Each missing piece is named. Closed now, or at `at`.
 */
export async function closeStage1(
  trx: Db,
  clock: Clock,
  actor: Actor,
  c: LockedComplaint,
  input: { at?: unknown } = {},
): Promise<void> {
  assertOpen(c);
  if (c.stage1_closed_at) throw new ApiError(409, 'conflict', { stage: 'stage1Done' });
  const steps = await trx
    .selectFrom('complaint_steps')
    .select(['step', 'done_at'])
    .where('complaint_id', '=', c.submission_id)
    .execute();
  const doneAt = (step: string) => steps.find((s) => s.step === step)?.done_at ?? null;
  const done = (step: string) => doneAt(step) !== null;
  const errors: Record<string, AnyFieldErrorCode> = {};
  // Named by the field («step1.5»): 1.5 itself is what is missing, whatever came before it.
  if (!done('1.5')) errors['step1.5'] = 'stepNotDone';
  if (!c.justification) errors.justification = 'required';
  if (c.satisfied === null) errors.satisfied = 'required';
  if (c.loyal === null) errors.loyal = 'required';
  if (Object.keys(errors).length > 0) throw new ApiError(422, 'validation', errors);

  // Not before what it closes: its steps' marks, and the moment it was last opened again.
  const at = closedAt(
    input,
    clock,
    steps.map((s) => s.done_at),
    await reopenedAt(trx, c.submission_id),
  );
  if (!done('1.6')) {
    await trx
      .updateTable('complaint_steps')
      .set({ done_at: at, done_by: actor.user.id })
      .where('complaint_id', '=', c.submission_id)
      .where('step', '=', '1.6')
      .execute();
    await logComplaintEvent(trx, clock, actor, c, { type: 'step', data: { step: '1.6', at, comment: null } });
  }
  await trx
    .updateTable('complaints')
    .set({ stage1_closed_at: at, updated_at: clock.now().toISOString() })
    .where('submission_id', '=', c.submission_id)
    .execute();
  await refreshNextDue(trx, clock, c.submission_id);
  await logComplaintEvent(trx, clock, actor, c, { type: 'stage', data: { stage: 1, closed: true } });
}

/** Closes stage 2 «улучшение»: every nonconformity's task is done (an empty table is allowed). */
export async function closeStage2(trx: Db, clock: Clock, actor: Actor, c: LockedComplaint): Promise<void> {
  assertStage2Open(c);
  const open = await trx
    .selectFrom('nonconformities')
    .select('id')
    .where('complaint_id', '=', c.submission_id)
    .where('done_at', 'is', null)
    .executeTakeFirst();
  if (open) throw new ApiError(422, 'validation', { nonconformities: 'tasksOpen' });
  const now = clock.now().toISOString();
  await trx
    .updateTable('complaints')
    .set({ stage2_closed_at: now, updated_at: now })
    .where('submission_id', '=', c.submission_id)
    .execute();
  await logComplaintEvent(trx, clock, actor, c, { type: 'stage', data: { stage: 2, closed: true } });
}

/** Closes the complaint, now or at `at`: only once stage 1 is closed. Its status becomes «Закрыто». */
export async function closeComplaint(
  trx: Db,
  clock: Clock,
  actor: Actor,
  c: LockedComplaint,
  input: { at?: unknown } = {},
): Promise<void> {
  assertOpen(c);
  if (!c.stage1_closed_at) throw new ApiError(422, 'validation', { stage: 'stage1Open' });
  const steps = await trx
    .selectFrom('complaint_steps')
    .select('done_at')
    .where('complaint_id', '=', c.submission_id)
    .execute();
  const closed = closedAt(
    input,
    clock,
    [c.stage1_closed_at, ...steps.map((s) => s.done_at)],
    await reopenedAt(trx, c.submission_id),
  );
  const now = clock.now().toISOString();
  await trx
    .updateTable('complaints')
    .set({ closed_at: closed, next_due_at: null, updated_at: now })
    .where('submission_id', '=', c.submission_id)
    .execute();
  await setProcessStatus(trx, clock, actor, c, 'closed');
  await recordAudit(trx, clock, {
    user: actor.user,
    action: 'complaint.close',
    target: { type: 'submission', id: c.submission_id },
    details: { number: c.number, from: c.status, to: 'closed' },
    ip: actor.ip,
  });
}

const reopenSchema = { reason: text({ max: 2000, required: true, lines: true }) };

/**
 * Opens a closed complaint again, with the reason (the history and the audit log keep it and when
 * it had been closed): closed by mistake, or the client is back because the correction did not
 * hold. Stage 1 opens with it, so its marks can be taken back and the steps done again, and 1.6
 * (handed over for closing) runs again from now; stage 2 stays as it is. A complaint with only stage 1 closed has that stage opened. The reports count it
 * open again (its closing leaves the month it fell in). A step left unmarked when stage 1 closed is
 * not reminded of a deadline long past, nor escalated: the QMS opening it knows; a deadline still
 * ahead is reminded as usual. The client may be surveyed again (his answer was of the solution
 * that failed; it stays in the history), and a complaint moved to another department while closed
 * goes to someone who may handle it there. One whose client's data was erased stays closed.
 */
export async function reopenComplaint(
  trx: Db,
  deps: { clock: Clock; config: Config },
  actor: Actor,
  c: LockedComplaint,
  input: { reason?: unknown },
): Promise<void> {
  const { clock } = deps;
  const parsed = validate(reopenSchema, { reason: input.reason });
  if (!parsed.success) throw new ApiError(422, 'validation', parsed.errors);
  if (c.erased_at) throw new ApiError(409, 'conflict', { complaint: 'erased' });
  if (!c.stage1_closed_at) throw new ApiError(409, 'conflict', { complaint: 'notClosed' });
  const now = clock.now().toISOString();
  const whole = c.closed_at !== null;
  await trx
    .updateTable('complaints')
    .set({
      closed_at: null,
      stage1_closed_at: null,
      updated_at: now,
      ...(whole && { survey_token: null, survey_sent_at: null, survey_answered_at: null }),
    })
    .where('submission_id', '=', c.submission_id)
    .execute();
  await quietPastDeadlines(trx, clock, c.submission_id);
  // It is no longer handed over for closing (1.6, marked with stage 1's closing): that step runs
  // again, its 14 working days from now, so the reopened complaint has a deadline the inbox sorts
  // by and the reminders keep.
  const handedOver = await trx
    .selectFrom('complaint_steps')
    .select('done_at')
    .where('complaint_id', '=', c.submission_id)
    .where('step', '=', '1.6')
    .executeTakeFirst();
  await trx
    .updateTable('complaint_steps')
    .set({
      done_at: null,
      done_by: null,
      comment: null,
      window_start_at: now,
      due_at: deadlineFrom(await loadCalendar(trx), '1.6', new Date(now))!.toISOString(),
    })
    .where('complaint_id', '=', c.submission_id)
    .where('step', '=', '1.6')
    .execute();
  await forgetNotices(trx, c.submission_id, ['1.6']);
  await refreshNextDue(trx, clock, c.submission_id);
  if (c.status === 'closed') await setProcessStatus(trx, clock, actor, c, 'in_progress');
  await logComplaintEvent(trx, clock, actor, c, {
    type: 'reopened',
    data: { closedAt: c.closed_at, stage1ClosedAt: c.stage1_closed_at, reason: parsed.data.reason },
  });
  if (handedOver?.done_at)
    await logComplaintEvent(trx, clock, actor, c, {
      type: 'step_undone',
      data: { step: '1.6', at: handedOver.done_at, reason: parsed.data.reason },
    });
  // Moved to another department, or its responsible deactivated, while it was closed.
  if (c.responsible_user_id && !(await mayHandle(trx, c.responsible_user_id, c.department_id)))
    await followDepartment(trx, deps, actor, { ...c, closed_at: null }, c.department_id);
}

/** When the complaint was last opened again, if ever: a closing recorded after it is not dated before it. */
export async function reopenedAt(trx: Db, complaintId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('submission_events')
    .select('at')
    .where('submission_id', '=', complaintId)
    .where('type', '=', 'reopened')
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.at ?? null;
}
