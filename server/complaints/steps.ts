import { isCalendarDay, pastInstant } from '../../shared/calendar-schema.ts';
import { STEP_DEADLINES, STEPS, type Step } from '../../shared/complaint-process.ts';
import { text, validate } from '../../shared/rules.ts';
import type { Actor } from '../sessions/context.ts';
import { loadCalendar } from '../calendar/calendar-store.ts';
import { dayWorkingSpan } from '../calendar/working-time.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { companyDayStart, nextDay } from '../company-day.ts';
import { ApiError } from '../http/api-error.ts';
import { deadlineAfterDone, dependentSteps } from './deadlines.ts';
import {
  assertOpen,
  forgetNotices,
  type LockedComplaint,
  logComplaintEvent,
  quietPastDeadlines,
  refreshNextDue,
  setProcessStatus,
} from './store.ts';

/** How far ahead a date agreed for step 1.4 may be: a year. */
const AGREED_DAY_AHEAD_MS = 366 * 86_400_000;

/** The step that must be done before this one, if any (1.5 checks what 1.4 put in place). */
const PREREQUISITE: Partial<Record<Step, Step>> = { '1.5': '1.4' };

const stepSchema = { comment: text({ max: 2000, lines: true }) };

/** A complaint's steps and the one asked for (404 when it has no such step). */
async function stepsWith(trx: Db, c: LockedComplaint, step: Step) {
  const steps = await trx
    .selectFrom('complaint_steps')
    .selectAll()
    .where('complaint_id', '=', c.submission_id)
    .execute();
  const row = steps.find((s) => s.step === step);
  if (!row) throw new ApiError(404, 'not_found');
  return { steps, row };
}

/**
 * Marks a step of stage 1 done, by the actor, now or at an earlier moment he gives. Marking 1.4
 * starts the 3 working days of 1.5. Steps are marked once; a complaint moves to «В работе».
 */
export async function markStepDone(
  trx: Db,
  clock: Clock,
  actor: Actor,
  c: LockedComplaint,
  step: Step,
  input: { comment?: unknown; at?: unknown },
): Promise<void> {
  assertOpen(c);
  const parsed = validate(stepSchema, { comment: input.comment });
  if (!parsed.success) throw new ApiError(422, 'validation', parsed.errors);
  const at = pastInstant(input.at, clock.now(), { at: new Date(c.received_at), error: 'beforeReceipt' });
  if ('error' in at) throw new ApiError(422, 'validation', { at: at.error });

  const { steps, row } = await stepsWith(trx, c, step);
  if (row.done_at) throw new ApiError(409, 'conflict', { step: 'stepDone' });
  const before = PREREQUISITE[step];
  const beforeDone = before && steps.find((s) => s.step === before)?.done_at;
  if (before && !beforeDone) throw new ApiError(422, 'validation', { step: 'stepOrder' });
  // 1.5 checks what 1.4 put in place: not before it was.
  if (beforeDone && at.value.getTime() < Date.parse(beforeDone))
    throw new ApiError(422, 'validation', { at: 'beforeStep' });
  // Recorded after stage 1 closed: done before the closing, as the closing was after it.
  if (c.stage1_closed_at && at.value.getTime() > Date.parse(c.stage1_closed_at))
    throw new ApiError(422, 'validation', { at: 'afterStage1' });

  const doneAt = at.value.toISOString();
  await trx
    .updateTable('complaint_steps')
    .set({ done_at: doneAt, done_by: actor.user.id, comment: parsed.data.comment ?? null })
    .where('complaint_id', '=', c.submission_id)
    .where('step', '=', step)
    .execute();
  const dependents = dependentSteps(step);
  if (dependents.length > 0) {
    const cal = await loadCalendar(trx);
    for (const next of dependents) {
      const times = deadlineAfterDone(cal, next, at.value);
      if (!times) continue;
      await trx
        .updateTable('complaint_steps')
        .set({ window_start_at: times.windowStartAt, due_at: times.dueAt })
        .where('complaint_id', '=', c.submission_id)
        .where('step', '=', next)
        .execute();
    }
  }
  await refreshNextDue(trx, clock, c.submission_id);
  await logComplaintEvent(trx, clock, actor, c, {
    type: 'step',
    data: { step, at: doneAt, comment: parsed.data.comment ?? null },
  });
  await startWork(trx, clock, actor, c);
}

const undoSchema = { reason: text({ max: 2000, required: true, lines: true }) };

/**
 * Takes back a step's mark, with the reason (in the history and the audit log): a step marked by
 * mistake, or a correction (1.4) the client's check (1.5) found not working, to be put in place
 * again by a new agreed date. The step is open again with its deadline; the steps whose deadline
 * ran from it (1.5 from 1.4) lose theirs and their notices, and get new ones when it is marked
 * again. Not once stage 1 is closed (its figures are counted), nor under a later step still marked.
 */
export async function undoStep(
  trx: Db,
  clock: Clock,
  actor: Actor,
  c: LockedComplaint,
  step: Step,
  input: { reason?: unknown },
): Promise<void> {
  assertOpen(c);
  const parsed = validate(undoSchema, { reason: input.reason });
  if (!parsed.success) throw new ApiError(422, 'validation', parsed.errors);
  if (c.stage1_closed_at) throw new ApiError(409, 'conflict', { step: 'stage1Closed' });
  const { steps, row } = await stepsWith(trx, c, step);
  if (!row.done_at) throw new ApiError(409, 'conflict', { step: 'stepNotDone' });
  const dependents = dependentSteps(step);
  if (steps.some((s) => dependents.includes(s.step as Step) && s.done_at))
    throw new ApiError(409, 'conflict', { step: 'laterStepDone' });

  // A date agreed with the client (1.4) was for the correction that failed: the step waits for a
  // new one, not reminded of the old, past one (an escalation the next minute for a step done on
  // time). Steps counted from the receipt keep their deadline: undone, they are as late as they are.
  const agreed = STEP_DEADLINES[step].from === 'agreed';
  await trx
    .updateTable('complaint_steps')
    .set({ done_at: null, done_by: null, comment: null, ...(agreed && { window_start_at: null, due_at: null }) })
    .where('complaint_id', '=', c.submission_id)
    .where('step', '=', step)
    .execute();
  const renewed = agreed ? [step, ...dependents] : dependents;
  if (dependents.length > 0)
    await trx
      .updateTable('complaint_steps')
      .set({ window_start_at: null, due_at: null })
      .where('complaint_id', '=', c.submission_id)
      .where('step', 'in', dependents)
      .execute();
  // Their notices were of deadlines gone: the new ones are reminded afresh.
  if (renewed.length > 0) await forgetNotices(trx, c.submission_id, renewed);
  // A step taken back past its deadline is not escalated the next minute for a deadline long gone.
  await quietPastDeadlines(trx, clock, c.submission_id, [step]);
  await refreshNextDue(trx, clock, c.submission_id);
  await logComplaintEvent(trx, clock, actor, c, {
    type: 'step_undone',
    data: { step, at: row.done_at, reason: parsed.data.reason },
  });
}

/** The first thing done on a new complaint moves it to «В работе». */
export async function startWork(trx: Db, clock: Clock, actor: Actor, c: LockedComplaint): Promise<void> {
  if (c.status !== 'new') return;
  await setProcessStatus(trx, clock, actor, c, 'in_progress');
  c.status = 'in_progress';
}

/**
 * The date agreed with the client for putting the correction in place (step 1.4): its deadline
 * is the close of that working day. `null` clears it.
 */
export async function setAgreedDate(
  trx: Db,
  clock: Clock,
  actor: Actor,
  c: LockedComplaint,
  day: unknown,
): Promise<void> {
  assertOpen(c);
  if (day !== null && (typeof day !== 'string' || !isCalendarDay(day)))
    throw new ApiError(422, 'validation', { day: 'date' });
  // Agreed with the client: not a day before the complaint came, nor further ahead than a year.
  if (day !== null && companyDayStart(nextDay(day)) <= c.received_at)
    throw new ApiError(422, 'validation', { day: 'beforeReceipt' });
  if (day !== null && Date.parse(companyDayStart(day)) > clock.now().getTime() + AGREED_DAY_AHEAD_MS)
    throw new ApiError(422, 'validation', { day: 'tooFar' });
  const step = await trx
    .selectFrom('complaint_steps')
    .select(['due_at', 'done_at'])
    .where('complaint_id', '=', c.submission_id)
    .where('step', '=', '1.4')
    .executeTakeFirstOrThrow();
  if (step.done_at) throw new ApiError(409, 'conflict', { step: 'stepDone' });
  let dueAt: string | null = null;
  if (day !== null) {
    // The close of that day; a day off agreed with the client ends at the usual closing hour.
    const cal = await loadCalendar(trx);
    const span = dayWorkingSpan(cal, day);
    const [h, m] = cal.hours.end.split(':').map(Number) as [number, number];
    dueAt = (span?.close ?? new Date(Date.parse(companyDayStart(day)) + (h * 60 + m) * 60_000)).toISOString();
  }
  if (dueAt === step.due_at) return;
  await trx
    .updateTable('complaint_steps')
    .set({ due_at: dueAt, window_start_at: dueAt ? clock.now().toISOString() : null })
    .where('complaint_id', '=', c.submission_id)
    .where('step', '=', '1.4')
    .execute();
  // A new date is reminded afresh: the old one's notices would have kept the new one silent.
  await forgetNotices(trx, c.submission_id, ['1.4']);
  await refreshNextDue(trx, clock, c.submission_id);
  await logComplaintEvent(trx, clock, actor, c, { type: 'agreed', data: { from: step.due_at, to: dueAt } });
}

/** Whether a text names a step of stage 1. */
export const isStep = (s: string): s is Step => (STEPS as readonly string[]).includes(s);

/** One step of a complaint as stored: its deadline and when it was done (undefined: no such complaint). */
export const stepOf = (trx: Db, complaintId: string, step: Step) =>
  trx
    .selectFrom('complaint_steps')
    .select(['due_at', 'done_at'])
    .where('complaint_id', '=', complaintId)
    .where('step', '=', step)
    .executeTakeFirst();
