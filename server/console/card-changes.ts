import { FEEDBACK_KINDS } from '../../shared/feedback-schema.ts';
import { oneOf, type Rule, text, validate } from '../../shared/rules.ts';
import type { Actor } from '../sessions/context.ts';
import type { Clock } from '../clock.ts';
import { loadCalendar } from '../calendar/calendar-store.ts';
import { followDepartment, mayHandle } from '../complaints/assignment.ts';
import { answerDue } from '../complaints/deadlines.ts';
import { openComplaint } from '../complaints/open.ts';
import { stepOf } from '../complaints/steps.ts';
import { lockComplaint } from '../complaints/store.ts';
import type { Config } from '../env.ts';
import { type Db, dbKind } from '../db/connection.ts';
import { type AnyFieldErrorCode, ApiError } from '../http/api-error.ts';
import { logFieldChange } from '../audit/history.ts';
import { promisedAnswer } from '../submissions/store.ts';
import { STATUSES } from './vocabulary.ts';

/** `null` clears an assignment; absent leaves it. */
const idOrNull =
  (max: number): Rule<string | null | undefined> =>
  (v) =>
    v === null ? { value: null } : text({ max, code: 'invalid' })(v);

const changeSchema = {
  kind: (v: unknown) => (v === undefined ? { value: undefined } : oneOf(FEEDBACK_KINDS, 'kind')(v)),
  status: (v: unknown) => (v === undefined ? { value: undefined } : oneOf(STATUSES, 'invalid')(v)),
  departmentId: idOrNull(64),
  employeeSlug: idOrNull(64),
} satisfies Record<string, Rule<unknown>>;

/** The fields a change of a submission may carry. */
export const CHANGE_FIELDS = Object.keys(changeSchema);

/**
 * Changes a submission's kind, status, department or employee. Each real change writes a
 * history row `{from, to}` and an audit line, all in one transaction with the change. A handler
 * may change only the status (his scope was checked by the caller); giving an employee without
 * a department also moves the submission to the employee's department. A message made a
 * complaint starts the complaint process; a complaint that moves to another department goes to
 * that department's default responsible; a complaint's status never becomes «closed» here, and a
 * closed complaint keeps its kind.
 */
export async function changeSubmission(
  db: Db,
  { clock, config }: { clock: Clock; config: Config },
  actor: Actor,
  id: string,
  input: Record<string, unknown>,
): Promise<void> {
  const parsed = validate(changeSchema, input);
  if (!parsed.success) throw new ApiError(422, 'validation', parsed.errors);
  const want = parsed.data;
  if (actor.user.role === 'handler' && (want.kind !== undefined || 'departmentId' in input || 'employeeSlug' in input))
    throw new ApiError(403, 'forbidden');

  await db.transaction().execute(async (trx) => {
    // PostgreSQL: lock the row so two simultaneous edits can't both read the same «from».
    // SQLite: the database has a single writer, and this transaction is it.
    let q = trx
      .selectFrom('submissions')
      .select(['id', 'number', 'type', 'kind', 'status', 'department_id', 'employee_id', 'created_at', 'response'])
      .where('id', '=', id);
    if (dbKind(trx) === 'postgres') q = q.forUpdate();
    const s = await q.executeTakeFirst();
    if (!s) throw new ApiError(404, 'not_found');

    const errors: Record<string, AnyFieldErrorCode> = {};
    if (want.kind !== undefined && s.type !== 'feedback') errors.kind = 'invalid';
    let employee: { id: string; slug: string; department_id: string | null } | null | undefined;
    if (want.employeeSlug !== undefined) {
      employee =
        want.employeeSlug === null
          ? null
          : ((await trx
              .selectFrom('employees')
              .select(['id', 'slug', 'department_id'])
              .where('slug', '=', want.employeeSlug)
              .executeTakeFirst()) ?? undefined);
      if (employee === undefined) errors.employeeSlug = 'employee';
    }
    let departmentId = want.departmentId;
    if (departmentId === undefined && employee?.department_id) departmentId = employee.department_id;
    if (departmentId) {
      const found = await trx.selectFrom('departments').select('id').where('id', '=', departmentId).executeTakeFirst();
      if (!found) errors.departmentId = 'invalid';
    }
    const complaint = await trx
      .selectFrom('complaints')
      .select('closed_at')
      .where('submission_id', '=', id)
      .executeTakeFirst();
    // A closed complaint stays one: made another kind, its review (stages, classification) left the
    // card, and a status could then be set that only its process may set.
    if (want.kind !== undefined && want.kind !== s.kind && complaint?.closed_at) errors.kind = 'closedKind';
    const isComplaint = (want.kind ?? s.kind) === 'complaint';
    const becomesComplaint = isComplaint && s.kind !== 'complaint';
    // A closed message found to be a complaint is open again: its process closes it, not the
    // status it had as a thanks or a suggestion.
    const status = becomesComplaint && s.status === 'closed' && want.status === undefined ? 'in_progress' : want.status;
    // A complaint is closed by its process (stage 1, classification), never by a bare status.
    if (
      isComplaint &&
      want.status !== undefined &&
      want.status !== s.status &&
      (want.status === 'closed' || complaint?.closed_at)
    )
      // A closed one is opened again by its process too (POST …/reopen, with the reason), not by a bare status.
      errors.status = complaint?.closed_at ? 'closed' : 'processOnly';
    // Made a complaint and «closed» at once (a whole form sent back, its status unchanged): its
    // process would be open under a closed status.
    if (becomesComplaint && want.status === 'closed') errors.status = 'processOnly';
    if (Object.keys(errors).length > 0) throw new ApiError(422, 'validation', errors);

    if (want.kind !== undefined && want.kind !== s.kind) {
      await trx
        .updateTable('submissions')
        .set({ kind: want.kind, answer_due_at: want.kind === 'suggestion' ? await suggestionDue(trx, s) : null })
        .where('id', '=', id)
        .execute();
      await logFieldChange(trx, clock, actor, s, 'kind', { from: s.kind, to: want.kind });
      if (complaint) {
        // Its steps fall due in the reports only while it is a complaint: the kept months they fall
        // in are counted again (the steps' trigger of migration 2026-12-12-report-months marks them).
        await trx
          .updateTable('complaint_steps')
          .set((eb) => ({ due_at: eb.ref('due_at') }))
          .where('complaint_id', '=', id)
          .execute();
        // A complaint again: registered as one now, so its deadlines long past get the reminders'
        // quarter of an hour to be marked (complaints/reminders.ts) as a first opening does.
        if (want.kind === 'complaint')
          await trx
            .updateTable('complaints')
            .set({ opened_at: clock.now().toISOString() })
            .where('submission_id', '=', id)
            .execute();
        // A complaint again, in a department it moved to meanwhile: its default responsible takes it.
        const dep = departmentId === undefined ? s.department_id : departmentId;
        if (isComplaint && !complaint.closed_at && dep === s.department_id)
          await followIfMoved(trx, { clock, config }, actor, id, dep);
      }
      // A message found to be a complaint starts the process, its deadlines counted from its receipt.
      if (want.kind === 'complaint' && !complaint)
        await openComplaint(trx, { clock, config }, await loadCalendar(trx), {
          submissionId: id,
          receivedAt: new Date(s.created_at),
          origin: 'site',
          // Who found it to be a complaint registered it, as one made of a rating.
          registeredBy: actor.user.id,
          departmentId: departmentId === undefined ? s.department_id : departmentId,
        });
    }
    if (status !== undefined && status !== s.status) {
      await trx.updateTable('submissions').set({ status }).where('id', '=', id).execute();
      await logFieldChange(trx, clock, actor, s, 'status', { from: s.status, to: status });
    }
    if (departmentId !== undefined && departmentId !== s.department_id) {
      await trx.updateTable('submissions').set({ department_id: departmentId }).where('id', '=', id).execute();
      await logFieldChange(trx, clock, actor, s, 'department', { from: s.department_id, to: departmentId });
      if (complaint && isComplaint)
        await followDepartment(trx, { clock, config }, actor, await lockComplaint(trx, id), departmentId);
    }
    if (employee !== undefined && (employee?.id ?? null) !== s.employee_id) {
      const from = s.employee_id
        ? ((await trx.selectFrom('employees').select('slug').where('id', '=', s.employee_id).executeTakeFirst())
            ?.slug ?? null)
        : null;
      await trx
        .updateTable('submissions')
        .set({ employee_id: employee?.id ?? null })
        .where('id', '=', id)
        .execute();
      await logFieldChange(trx, clock, actor, s, 'employee', { from, to: employee?.slug ?? null });
    }
  });
}

/**
 * When a message made a suggestion is to be answered: the date its client was given. A complaint's
 * client was given its step 1.3 (a complaint registered by hand or made of a rating was received
 * before it was stored); a site's message, the date in its answer; else three working days after.
 */
async function suggestionDue(trx: Db, s: { id: string; created_at: string; response: string }): Promise<string> {
  const asComplaint = await stepOf(trx, s.id, '1.3');
  return (
    asComplaint?.due_at ?? promisedAnswer(s) ?? answerDue(await loadCalendar(trx), new Date(s.created_at)).toISOString()
  );
}

/**
 * Gives a complaint made again to its department's default responsible when the one it has can't
 * open it: moved meanwhile to another department, or to none, which only the QMS handles.
 */
async function followIfMoved(
  trx: Db,
  deps: { clock: Clock; config: Config },
  actor: Actor,
  id: string,
  departmentId: string | null,
): Promise<void> {
  const c = await lockComplaint(trx, id);
  if (c.responsible_user_id && !(await mayHandle(trx, c.responsible_user_id, departmentId)))
    await followDepartment(trx, deps, actor, c, departmentId);
}
