import { STEPS, type Step } from '../../shared/complaint-process.ts';
import type { Db } from '../db/connection.ts';
import { sameDepartment } from './report-labels.ts';

/** A complaint open at an instant, with the state of its steps then. */
export interface OpenComplaint {
  id: string;
  number: string;
  receivedAt: string;
  departmentId: string | null;
  responsible: { id: string; name: string } | null;
  client: string | null;
  /** The first step of stage 1 (in order) not done at the instant; null when all are. */
  firstOpenStep: Step | null;
  /** Steps past their deadline and not done at the instant, earliest deadline first. */
  overdue: Array<{ step: Step; dueAt: string }>;
}

/**
 * The complaints open at `asOf` (received before it, not closed by it), of one department or
 * all: one query, a row per step, folded here. A step done after `asOf` counts as not done then.
 */
export async function openComplaintsAt(db: Db, asOf: string, departmentId: string | null): Promise<OpenComplaint[]> {
  const rows = await db
    .selectFrom('complaints')
    // A cross join keeps the report's table the outer loop on SQLite, read through its index on
    // the period, rather than every submission of a department (PostgreSQL plans it as a join).
    .crossJoin('submissions')
    .whereRef('submissions.id', '=', 'complaints.submission_id')
    .leftJoin('users', 'users.id', 'complaints.responsible_user_id')
    .leftJoin('complaint_steps', 'complaint_steps.complaint_id', 'complaints.submission_id')
    .select([
      'complaints.submission_id as id',
      'submissions.number',
      'complaints.received_at as receivedAt',
      'submissions.department_id as departmentId',
      'users.id as userId',
      'users.name as userName',
      'submissions.organization',
      'submissions.name',
      'complaint_steps.step',
      'complaint_steps.due_at as dueAt',
      'complaint_steps.done_at as doneAt',
    ])
    .where('submissions.kind', '=', 'complaint')
    .where('complaints.received_at', '<', asOf)
    .where((eb) => eb.or([eb('complaints.closed_at', 'is', null), eb('complaints.closed_at', '>=', asOf)]))
    .$if(departmentId !== null, (qb) => qb.where(sameDepartment('submissions.department_id', departmentId!)))
    .execute();

  type StepState = { dueAt: string | null; doneAt: string | null };
  const byId = new Map<string, OpenComplaint & { steps: Map<string, StepState> }>();
  for (const r of rows) {
    let c = byId.get(r.id);
    if (!c) {
      c = {
        id: r.id,
        number: r.number,
        receivedAt: r.receivedAt,
        departmentId: r.departmentId,
        responsible: r.userId ? { id: r.userId, name: r.userName ?? '' } : null,
        client: r.organization || r.name || null,
        firstOpenStep: null,
        overdue: [],
        steps: new Map(),
      };
      byId.set(r.id, c);
    }
    if (r.step) c.steps.set(r.step, { dueAt: r.dueAt, doneAt: r.doneAt });
  }
  return [...byId.values()].map(({ steps, ...c }) => {
    const notDone = STEPS.filter((s) => {
      const row = steps.get(s);
      return row !== undefined && (row.doneAt === null || row.doneAt > asOf);
    });
    const overdue = notDone
      .map((step) => ({ step, dueAt: steps.get(step)!.dueAt }))
      .filter((s): s is { step: Step; dueAt: string } => s.dueAt !== null && s.dueAt < asOf)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    return { ...c, firstOpenStep: notDone[0] ?? null, overdue };
  });
}
