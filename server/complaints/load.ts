import { CLOSE_TARGET_WORKING_DAYS, type Step } from '../../shared/complaint-process.ts';
import {
  type CardComplaint,
  RELATED_SHOWN,
  type RelatedMessage,
  type StepState,
} from '../../shared/console-complaint.ts';
import { loadCalendar } from '../calendar/calendar-store.ts';
import { addWorkingDays, workingDayMs, workingMsBetween } from '../calendar/working-time.ts';
import { companyYear } from '../company-time.ts';
import type { Db } from '../db/connection.ts';
import type { Expression, SqlBool } from 'kysely';
import type { SubmissionRow } from '../submissions/store.ts';

const who = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
const bool = (v: number | null) => (v === null ? null : v === 1);
const yearOf = (iso: string) => companyYear(new Date(iso));

/**
 * The client's other messages, found by his ИНН, e-mail or phone (the strongest match named),
 * newest first, with how each ended: the handler sees the history before he calls. Only those
 * `visible` to the reader (the console's scope on `submissions`): a handler sees his department's.
 */
export async function relatedMessages(
  db: Db,
  s: SubmissionRow,
  visible: Expression<SqlBool>,
  limit = RELATED_SHOWN,
): Promise<RelatedMessage[]> {
  const keys = (['inn', 'email', 'phone'] as const).filter((k) => s[k]);
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('submissions')
    .leftJoin('complaints', 'complaints.submission_id', 'submissions.id')
    .select(['submissions.id', 'submissions.number', 'submissions.type', 'submissions.kind', 'submissions.status'])
    .select(['submissions.created_at', 'submissions.message', 'submissions.score'])
    .select(['submissions.inn', 'submissions.email', 'submissions.phone'])
    .select(['complaints.justification', 'complaints.satisfied', 'complaints.loyal'])
    .where('submissions.id', '!=', s.id)
    .where(visible)
    .where((eb) => eb.or(keys.map((k) => eb(`submissions.${k}`, '=', s[k] as string))))
    .orderBy('submissions.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    type: r.type,
    kind: r.kind,
    status: r.status,
    createdAt: r.created_at,
    excerpt: r.message.length > 160 ? `${r.message.slice(0, 159)}…` : r.message,
    score: r.score,
    justification: r.justification,
    satisfied: bool(r.satisfied),
    loyal: bool(r.loyal),
    matchedBy: keys.find((k) => r[k] === s[k]) ?? 'phone',
  }));
}

/**
 * The complaint process of a submission for its card, or null when it is no complaint. Time
 * left is working time from `now` on the company's calendar; the client's other messages are
 * those `visible` to the reader.
 */
export async function loadComplaint(
  db: Db,
  s: SubmissionRow,
  now: Date,
  visible: Expression<SqlBool>,
): Promise<CardComplaint | null> {
  const c = await db
    .selectFrom('complaints')
    .leftJoin('users as registrar', 'registrar.id', 'complaints.registered_by')
    .leftJoin('users as responsible', 'responsible.id', 'complaints.responsible_user_id')
    .selectAll('complaints')
    .select(['registrar.name as registrar_name', 'responsible.name as responsible_name'])
    .select('responsible.email as responsible_email')
    .where('complaints.submission_id', '=', s.id)
    .executeTakeFirst();
  if (!c) return null;
  const [cal, steps, nonconformities, related, rating] = await Promise.all([
    loadCalendar(db),
    db
      .selectFrom('complaint_steps')
      .leftJoin('users', 'users.id', 'complaint_steps.done_by')
      .selectAll('complaint_steps')
      .select('users.name as done_by_name')
      .where('complaint_steps.complaint_id', '=', s.id)
      .orderBy('complaint_steps.step')
      .execute(),
    db
      .selectFrom('nonconformities')
      .leftJoin('departments', 'departments.id', 'nonconformities.department_id')
      .selectAll('nonconformities')
      .select('departments.name as department_name')
      .where('nonconformities.complaint_id', '=', s.id)
      .orderBy('nonconformities.created_at')
      .orderBy('nonconformities.id')
      .execute(),
    relatedMessages(db, s, visible),
    // The rating it was made of, when the reader may open it: one moved to another department is
    // not named to a handler.
    c.rating_id
      ? db
          .selectFrom('submissions')
          .select(['id', 'number'])
          .where('id', '=', c.rating_id)
          .where(visible)
          .executeTakeFirst()
      : undefined,
  ]);
  const stepStates: StepState[] = steps.map((r) => ({
    step: r.step as Step,
    windowStartAt: r.window_start_at,
    dueAt: r.due_at,
    doneAt: r.done_at,
    doneBy: who(r.done_by, r.done_by_name),
    comment: r.comment,
    // Left unmarked when stage 1 closed: no deadline runs any more.
    workingMsLeft:
      r.due_at && !r.done_at && !c.stage1_closed_at ? workingMsBetween(cal, now, new Date(r.due_at)) : null,
    workingMsLate:
      r.due_at && r.done_at && r.done_at > r.due_at
        ? workingMsBetween(cal, new Date(r.due_at), new Date(r.done_at))
        : null,
  }));
  const receivedAt = new Date(c.received_at);
  const targetAt = addWorkingDays(cal, receivedAt, CLOSE_TARGET_WORKING_DAYS).toISOString();
  const lastDue = steps.reduce((m, r) => (r.due_at && r.due_at > m ? r.due_at : m), c.received_at);
  const years = new Set([yearOf(c.received_at), yearOf(lastDue)]);
  return {
    receivedAt: c.received_at,
    origin: c.origin,
    rating: rating ?? null,
    registeredBy: who(c.registered_by, c.registrar_name),
    responsible:
      c.responsible_user_id && c.responsible_email
        ? { id: c.responsible_user_id, name: c.responsible_name ?? '', email: c.responsible_email }
        : null,
    contactPosition: c.contact_position,
    situationDate: c.situation_date,
    performer: c.performer,
    scope: c.scope,
    justification: c.justification,
    importance: c.importance,
    satisfied: bool(c.satisfied),
    loyal: bool(c.loyal),
    outcomeSource: c.outcome_source,
    correction: c.correction as CardComplaint['correction'],
    correctionNote: c.correction_note,
    correctionRecord: c.correction_record as CardComplaint['correctionRecord'],
    steps: stepStates,
    targetAt,
    workingDayMinutes: workingDayMs(cal) / 60_000,
    stage1ClosedAt: c.stage1_closed_at,
    stage2ClosedAt: c.stage2_closed_at,
    closedAt: c.closed_at,
    surveySentAt: c.survey_sent_at,
    surveyAnsweredAt: c.survey_answered_at,
    nonconformities: nonconformities.map((n) => ({
      id: n.id,
      department: n.department_id ? { id: n.department_id, name: n.department_name ?? '' } : null,
      process: n.process,
      product: n.product,
      description: n.description,
      task: n.task,
      assignee: n.assignee,
      dueDay: n.due_day,
      doneAt: n.done_at,
    })),
    related,
    calendarKnown: [...years].every((y) => cal.hasData(y)),
  };
}
