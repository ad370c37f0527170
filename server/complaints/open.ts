import type { Step } from '../../shared/complaint-process.ts';
import type { WorkingCalendar } from '../calendar/working-time.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';
import { initialDeadlines, nextDue } from './deadlines.ts';
import { enqueueAssignedMail } from './mail.ts';

/** How a complaint came to be, and what the registrar collected (seed 004 «Для регистрации жалобы…»). */
export interface NewComplaint {
  submissionId: string;
  receivedAt: Date;
  origin: 'site' | 'console' | 'rating';
  departmentId: string | null;
  ratingId?: string | null;
  registeredBy?: string | null;
  contactPosition?: string | null;
  situationDate?: string | null;
  performer?: string | null;
  scope?: 'external' | 'internal';
  importance?: 'high' | 'normal';
}

/** A console user a complaint is assigned to. */
export interface Responsible {
  id: string;
  name: string;
  email: string;
}

/** The default responsible of a department (seed 004's «выделенные сотрудники»), if he is active. */
export async function defaultResponsible(trx: Db, departmentId: string | null): Promise<Responsible | null> {
  if (!departmentId) return null;
  const row = await trx
    .selectFrom('departments')
    .innerJoin('users', 'users.id', 'departments.responsible_user_id')
    .select(['users.id', 'users.name', 'users.email'])
    .where('departments.id', '=', departmentId)
    .where('users.active', '=', 1)
    // A handler moved to another department since he was made its default can't open its cards.
    .where((eb) => eb.or([eb('users.role', 'in', ['admin', 'qms']), eb('users.department_id', '=', departmentId)]))
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Starts stage 1 of a complaint in the caller's transaction: its row, the steps with their
 * deadlines on the working calendar, and the department's default responsible, who is told
 * by e-mail. Returns the deadlines (the acknowledgement promises the end of step 1.3).
 */
export async function openComplaint(
  trx: Db,
  deps: { clock: Clock; config: Config },
  cal: WorkingCalendar,
  c: NewComplaint,
): Promise<{ deadlines: Record<Step, string | null>; responsible: Responsible | null }> {
  const steps = initialDeadlines(cal, c.receivedAt);
  const responsible = await defaultResponsible(trx, c.departmentId);
  await trx
    .insertInto('complaints')
    .values({
      submission_id: c.submissionId,
      received_at: c.receivedAt.toISOString(),
      opened_at: deps.clock.now().toISOString(),
      origin: c.origin,
      rating_id: c.ratingId ?? null,
      registered_by: c.registeredBy ?? null,
      responsible_user_id: responsible?.id ?? null,
      contact_position: c.contactPosition ?? null,
      situation_date: c.situationDate ?? null,
      performer: c.performer ?? null,
      scope: c.scope ?? 'external',
      importance: c.importance ?? 'normal',
      next_due_at: nextDue(steps.map((s) => ({ dueAt: s.dueAt, doneAt: null }))),
      updated_at: deps.clock.now().toISOString(),
    })
    .execute();
  await trx
    .insertInto('complaint_steps')
    .values(
      steps.map((s) => ({
        complaint_id: c.submissionId,
        step: s.step,
        window_start_at: s.windowStartAt,
        due_at: s.dueAt,
      })),
    )
    .execute();
  const deadlines = Object.fromEntries(steps.map((s) => [s.step, s.dueAt])) as Record<Step, string | null>;
  if (responsible) await enqueueAssignedMail(trx, deps, c.submissionId, responsible);
  return { deadlines, responsible };
}
