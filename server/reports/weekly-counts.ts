import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { num, sameDepartment } from './report-labels.ts';

/**
 * Complaints received, or closed, in [from, end) by their department now, counted in SQL.
 * Keyed by department id; '' for complaints assigned to none.
 */
export async function complaintsByDepartment(
  db: Db,
  column: 'received_at' | 'closed_at',
  range: { from: string; end: string },
  departmentId: string | null,
): Promise<Map<string, number>> {
  const at = column === 'received_at' ? 'complaints.received_at' : 'complaints.closed_at';
  const rows = await db
    .selectFrom('complaints')
    // A cross join keeps the report's table the outer loop on SQLite, read through its index on
    // the period, rather than every submission of a department (PostgreSQL plans it as a join).
    .crossJoin('submissions')
    .whereRef('submissions.id', '=', 'complaints.submission_id')
    .select(['submissions.department_id as departmentId', (eb) => eb.fn.countAll().as('n')])
    .where('submissions.kind', '=', 'complaint')
    .where(at, '>=', range.from)
    .where(at, '<', range.end)
    .$if(departmentId !== null, (qb) => qb.where(sameDepartment('submissions.department_id', departmentId!)))
    .groupBy('submissions.department_id')
    .execute();
  return new Map(rows.map((r) => [r.departmentId ?? '', num(r.n)]));
}

/**
 * Steps done in [from, end) by step: by their deadline, and after it. A step that had no
 * deadline when done (1.4 before a date was agreed) was late for nothing: on time.
 */
export async function stepsDoneIn(
  db: Db,
  range: { from: string; end: string },
  departmentId: string | null,
): Promise<Map<string, { onTime: number; late: number }>> {
  const rows = await db
    .selectFrom('complaint_steps')
    // A cross join keeps the report's table the outer loop on SQLite, read through its index on
    // the period, rather than every submission of a department (PostgreSQL plans it as a join).
    .crossJoin('submissions')
    .whereRef('submissions.id', '=', 'complaint_steps.complaint_id')
    .select([
      'complaint_steps.step',
      sql<number>`sum(case when complaint_steps.done_at > complaint_steps.due_at then 1 else 0 end)`.as('late'),
      (eb) => eb.fn.countAll().as('n'),
    ])
    .where('submissions.kind', '=', 'complaint')
    .where('complaint_steps.done_at', '>=', range.from)
    .where('complaint_steps.done_at', '<', range.end)
    .$if(departmentId !== null, (qb) => qb.where(sameDepartment('submissions.department_id', departmentId!)))
    .groupBy('complaint_steps.step')
    .execute();
  return new Map(rows.map((r) => [r.step, { onTime: num(r.n) - num(r.late), late: num(r.late) }]));
}
