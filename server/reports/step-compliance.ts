import { sql } from 'kysely';
import { STEP_TITLES, STEPS } from '../../shared/complaint-process.ts';
import type { StepCompliance } from '../../shared/console-reports.ts';
import type { Db } from '../db/connection.ts';
import { NONE, num, ofDepartment, shareOf, unindexed } from './report-labels.ts';

type Range = { from: string; end: string; asOf: string };

/**
 * The steps of stage 1 whose deadline falls in [from, end) and has passed at `asOf` or was met by
 * then (done early), of complaints that are still complaints, for the company or one department.
 */
function dueSteps(db: Db, range: Range, departmentId: string | null) {
  return (
    db
      .selectFrom('complaint_steps')
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
  );
}

const onTime = sql<number>`sum(case when complaint_steps.done_at <= complaint_steps.due_at then 1 else 0 end)`;

/**
 * Deadline compliance of each step of stage 1 (the steps of `dueSteps`): done by the deadline,
 * after it, or not done; counted by a GROUP BY in SQL. Every step is listed, with zeros when none
 * fell due.
 */
export async function stepCompliance(db: Db, range: Range, departmentId: string | null): Promise<StepCompliance[]> {
  const rows = await dueSteps(db, range, departmentId)
    .select([
      'complaint_steps.step',
      (eb) => eb.fn.countAll().as('due'),
      onTime.as('onTime'),
      sql<number>`sum(case when complaint_steps.done_at > complaint_steps.due_at then 1 else 0 end)`.as('late'),
    ])
    .groupBy('complaint_steps.step')
    .execute();
  return STEPS.map((step) => {
    const r = rows.find((x) => x.step === step);
    const [due, onTimeN, late] = [num(r?.due), num(r?.onTime), num(r?.late)];
    return {
      step,
      title: STEP_TITLES[step],
      due,
      onTime: onTimeN,
      late,
      notDone: due - onTimeN - late,
      share: shareOf(onTimeN, due),
    };
  });
}

/** One responsible person's deadlines in a period (`key`: his user id, or NONE), and those met. */
export interface ResponsibleSteps {
  key: string;
  due: number;
  onTime: number;
}

/**
 * The same deadlines by the person now responsible for each complaint (seed 004: the figures of
 * handling in the responsible persons' bonuses): how many fell due and how many were met.
 */
export async function responsibleSteps(db: Db, range: Range, departmentId: string | null): Promise<ResponsibleSteps[]> {
  const rows = await dueSteps(db, range, departmentId)
    .innerJoin('complaints', 'complaints.submission_id', 'complaint_steps.complaint_id')
    .select(['complaints.responsible_user_id as responsible', (eb) => eb.fn.countAll().as('due'), onTime.as('onTime')])
    .groupBy('complaints.responsible_user_id')
    .execute();
  return rows.map((r) => ({ key: r.responsible ?? NONE, due: num(r.due), onTime: num(r.onTime) }));
}
