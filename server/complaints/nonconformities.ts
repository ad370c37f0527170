import { isCalendarDay } from '../../shared/calendar-schema.ts';
import { text, validate } from '../../shared/rules.ts';
import type { Actor } from '../sessions/context.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { ApiError } from '../http/api-error.ts';
import { newId } from '../ids.ts';
import { assertStage2Open, type LockedComplaint, logComplaintEvent } from './store.ts';

/** A row of stage 2's table, as the seed's card «Список несоответствий по жалобе» has it. */
const schema = {
  departmentId: text({ max: 64 }),
  process: text({ max: 300, required: true }),
  product: text({ max: 300, required: true }),
  description: text({ max: 2000, required: true, lines: true }),
  task: text({ max: 2000, required: true, lines: true }),
  assignee: text({ max: 300, required: true }),
  dueDay: text({ max: 10, code: 'invalid', clean: (s) => (isCalendarDay(s) ? s : null) }),
};

/** The fields a nonconformity may carry. */
export const NONCONFORMITY_FIELDS = Object.keys(schema);

/** Adds a nonconformity the complaint showed, with its corrective task; returns its id. */
export async function addNonconformity(
  trx: Db,
  clock: Clock,
  actor: Actor,
  c: LockedComplaint,
  input: Record<string, unknown>,
): Promise<string> {
  assertStage2Open(c);
  const parsed = validate(schema, input);
  if (!parsed.success) throw new ApiError(422, 'validation', parsed.errors);
  const f = parsed.data;
  if (f.departmentId) {
    const d = await trx.selectFrom('departments').select('id').where('id', '=', f.departmentId).executeTakeFirst();
    if (!d) throw new ApiError(422, 'validation', { departmentId: 'invalid' });
  }
  const id = newId();
  await trx
    .insertInto('nonconformities')
    .values({
      id,
      complaint_id: c.submission_id,
      department_id: f.departmentId ?? null,
      process: f.process,
      product: f.product,
      description: f.description,
      task: f.task,
      assignee: f.assignee,
      due_day: f.dueDay ?? null,
      done_at: null,
      created_at: clock.now().toISOString(),
    })
    .execute();
  await logComplaintEvent(trx, clock, actor, c, {
    type: 'nonconformity',
    data: { id, description: f.description, done: false },
  });
  return id;
}

/** Marks a nonconformity's corrective task done, or not done again. */
export async function setNonconformityDone(
  trx: Db,
  clock: Clock,
  actor: Actor,
  c: LockedComplaint,
  id: string,
  done: unknown,
): Promise<void> {
  assertStage2Open(c);
  if (typeof done !== 'boolean') throw new ApiError(422, 'validation', { done: 'invalid' });
  const row = await trx
    .selectFrom('nonconformities')
    .select(['description', 'done_at'])
    .where('id', '=', id)
    .where('complaint_id', '=', c.submission_id)
    .executeTakeFirst();
  if (!row) throw new ApiError(404, 'not_found');
  if ((row.done_at !== null) === done) return;
  await trx
    .updateTable('nonconformities')
    .set({ done_at: done ? clock.now().toISOString() : null })
    .where('id', '=', id)
    .execute();
  await logComplaintEvent(trx, clock, actor, c, {
    type: 'nonconformity',
    data: { id, description: row.description, done },
  });
}
