import { sql } from 'kysely';
import { STEP_TITLES, STEPS } from '../../shared/complaint-process.ts';
import type { StepCompliance } from '../../shared/console-reports.ts';
import type { Db } from '../db/connection.ts';
import { num, ofDepartment, shareOf, unindexed } from './report-labels.ts';

/**
 * Deadline compliance of each step of stage 1: the steps whose deadline falls in [from, end) and
 * has passed at `asOf` or was met by then (done early), done by it, after it, or not done; counted
 * by a GROUP BY in SQL. Every step is listed, with zeros when none fell due.
 */
export async function stepCompliance(
  db: Db,
  range: { from: string; end: string; asOf: string },
  departmentId: string | null,
): Promise<StepCompliance[]> {
  const rows = await db
    .selectFrom('complaint_steps')
    .select([
      'complaint_steps.step',
      (eb) => eb.fn.countAll().as('due'),
      sql<number>`sum(case when complaint_steps.done_at <= complaint_steps.due_at then 1 else 0 end)`.as('onTime'),
      sql<number>`sum(case when complaint_steps.done_at > complaint_steps.due_at then 1 else 0 end)`.as('late'),
    ])
    .where('complaint_steps.due_at', '>=', range.from)
    .where('complaint_steps.due_at', '<', range.end)
    // A complaint found to be a suggestion or a thanks keeps its steps, which no longer fall due.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('submissions')
            .select('submissions.id')
            .whereRef('submissions.id', '=', 'complaint_steps.complaint_id')
            .where('submissions.kind', '<>', 'complaint'),
        ),
      ),
    )
    // A deadline still ahead counts once its step is done: it was met, as a weekly report says.
    .where((eb) =>
      eb.or([eb('complaint_steps.due_at', '<', range.asOf), eb('complaint_steps.done_at', '<', range.asOf)]),
    )
    .$if(departmentId !== null, (qb) =>
      qb.where(unindexed('complaint_steps.complaint_id'), 'in', ofDepartment(db, departmentId!)),
    )
    .groupBy('complaint_steps.step')
    .execute();
  return STEPS.map((step) => {
    const r = rows.find((x) => x.step === step);
    const [due, onTime, late] = [num(r?.due), num(r?.onTime), num(r?.late)];
    return {
      step,
      title: STEP_TITLES[step],
      due,
      onTime,
      late,
      notDone: due - onTime - late,
      share: shareOf(onTime, due),
    };
  });
}
