import type { AnyFieldErrorCode } from '../http/api-error.ts';
import type { Actor } from '../sessions/context.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { ApiError } from '../http/api-error.ts';
import { newId } from '../ids.ts';
import { pastInstant } from '../../shared/calendar-schema.ts';
import { text, validate } from '../../shared/rules.ts';
import type { NoticeKind } from '../mail/templates/complaint-reminder.ts';
import {
  assertOpen,
  assertStage2Open,
  type LockedComplaint,
  logComplaintEvent,
  recordNotice,
  refreshNextDue,
} from './store.ts';

/**
 * When a closing happened: now, or the earlier moment the person gives (recording a complaint after
 * the fact, as a step may be), not before what it closes (`after`: the last step done in it), so
 * the days to close and the reports' shares closed in time are counted from real times.
 */
function closedAt(input: { at?: unknown }, clock: Clock, after: string): string {
  const at = pastInstant(input.at, clock.now(), { at: new Date(after), error: 'beforeStep' });
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
  if (c.stage1_closed_at) throw new ApiError(409, 'conflict', { stage: 'closed' });
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

  const at = closedAt(input, clock, latest(steps.map((s) => s.done_at)));
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
  const closed = closedAt(input, clock, latest([c.stage1_closed_at, ...steps.map((s) => s.done_at)]));
  const now = clock.now().toISOString();
  await trx
    .updateTable('complaints')
    .set({ closed_at: closed, next_due_at: null, updated_at: now })
    .where('submission_id', '=', c.submission_id)
    .execute();
  await trx.updateTable('submissions').set({ status: 'closed' }).where('id', '=', c.submission_id).execute();
  await trx
    .insertInto('submission_events')
    .values({
      id: newId(),
      submission_id: c.submission_id,
      at: now,
      user_id: actor.user.id,
      type: 'status',
      data: JSON.stringify({ from: c.status, to: 'closed' }),
    })
    .execute();
  await recordAudit(trx, clock, {
    user: actor.user,
    action: 'complaint.close',
    target: { type: 'submission', id: c.submission_id },
    details: { number: c.number, from: c.status, to: 'closed' },
    ip: actor.ip,
  });
}

const reopenSchema = { reason: text({ max: 2000, required: true, lines: true }) };

const NOTICES: NoticeKind[] = ['soon', 'overdue', 'escalation'];

/**
 * Opens a closed complaint again, with the reason (the history and the audit log keep it and when
 * it had been closed): closed by mistake, or the client is back because the correction did not
 * hold. Stage 1 opens with it, so its marks can be taken back and the steps done again; stage 2
 * stays as it is. A complaint with only stage 1 closed has that stage opened. The reports count it
 * open again (its closing leaves the month it fell in). A step left unmarked when stage 1 closed is
 * not reminded of a deadline long past, nor escalated: the QMS opening it knows; a deadline still
 * ahead is reminded as usual.
 */
export async function reopenComplaint(
  trx: Db,
  clock: Clock,
  actor: Actor,
  c: LockedComplaint,
  input: { reason?: unknown },
): Promise<void> {
  const parsed = validate(reopenSchema, { reason: input.reason });
  if (!parsed.success) throw new ApiError(422, 'validation', parsed.errors);
  if (!c.stage1_closed_at) throw new ApiError(409, 'conflict', { complaint: 'notClosed' });
  const now = clock.now().toISOString();
  await trx
    .updateTable('complaints')
    .set({ closed_at: null, stage1_closed_at: null, updated_at: now })
    .where('submission_id', '=', c.submission_id)
    .execute();
  const past = await trx
    .selectFrom('complaint_steps')
    .select('step')
    .where('complaint_id', '=', c.submission_id)
    .where('done_at', 'is', null)
    .where('due_at', '<=', now)
    .execute();
  for (const { step } of past)
    for (const kind of NOTICES) await recordNotice(trx, { complaintId: c.submission_id, step, kind, at: now });
  await refreshNextDue(trx, clock, c.submission_id);
  if (c.status === 'closed') {
    await trx.updateTable('submissions').set({ status: 'in_progress' }).where('id', '=', c.submission_id).execute();
    await trx
      .insertInto('submission_events')
      .values({
        id: newId(),
        submission_id: c.submission_id,
        at: now,
        user_id: actor.user.id,
        type: 'status',
        data: JSON.stringify({ from: 'closed', to: 'in_progress' }),
      })
      .execute();
  }
  await logComplaintEvent(trx, clock, actor, c, {
    type: 'reopened',
    data: { closedAt: c.closed_at, stage1ClosedAt: c.stage1_closed_at, reason: parsed.data.reason },
  });
}
