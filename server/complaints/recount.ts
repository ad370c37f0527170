import { STEP_DEADLINES, STEPS, type Step } from '../../shared/complaint-process.ts';
import { calendarDigest, loadCalendar } from '../calendar/calendar-store.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { deadlineFrom } from './deadlines.ts';
import { lockComplaint, refreshNextDue } from './store.ts';

/** The calendar the open steps' deadlines were last counted on (settings). */
const COUNTED_ON = 'deadlines_calendar';

/**
 * The steps whose deadline is the company's own, counted again when the calendar changes from the
 * start of their window: 1.1, 1.2 and 1.6 from the receipt (1.6 from a reopening), 1.5 from 1.4's
 * mark. Not 1.3, whose date the client was promised in his acknowledgement, nor 1.4, the day agreed with him.
 */
const RECOUNTED: Step[] = STEPS.filter((s) => {
  const rule = STEP_DEADLINES[s];
  return (rule.from === 'received' && s !== '1.3') || rule.from === 'done';
});

/**
 * Counts again the deadlines of open complaints' steps not yet done when the working calendar has
 * changed since they were counted (a day off added, a worked Saturday, other hours): a deadline on
 * a day that is now off moves to the next working time, and the inbox, the card, the reminders and
 * the reports follow. A notice sent before its moment under the moved deadline is sent again in
 * its time; one sent at or after it stands, so no «soon» or «overdue» goes out twice for one moment. Done once
 * per change, by the reminders' round (one instance at a time). The first look only notes the
 * calendar. Returns how many deadlines moved.
 * @example await recountDeadlines(db, clock) // 3, after 1 December was made a day off
 */
export async function recountDeadlines(db: Db, clock: Clock): Promise<number> {
  const digest = await calendarDigest(db);
  const counted = await db.selectFrom('settings').select('value').where('key', '=', COUNTED_ON).executeTakeFirst();
  if (counted?.value === digest) return 0;
  return db.transaction().execute(async (trx) => {
    const moved = counted ? await recount(trx, clock) : 0;
    const row = { value: digest, updated_at: clock.now().toISOString() };
    await trx
      .insertInto('settings')
      .values({ key: COUNTED_ON, ...row })
      .onConflict((oc) => oc.column('key').doUpdateSet(row))
      .execute();
    return moved;
  });
}

async function recount(trx: Db, clock: Clock): Promise<number> {
  const cal = await loadCalendar(trx);
  const open = await trx
    .selectFrom('complaint_steps')
    .innerJoin('complaints', 'complaints.submission_id', 'complaint_steps.complaint_id')
    .innerJoin('submissions', 'submissions.id', 'complaint_steps.complaint_id')
    .select(['complaint_steps.complaint_id as id', 'complaint_steps.step', 'complaint_steps.due_at as dueAt'])
    .select('complaint_steps.window_start_at as startAt')
    .where('complaint_steps.done_at', 'is', null)
    .where('complaint_steps.due_at', 'is not', null)
    .where('complaint_steps.window_start_at', 'is not', null)
    .where('complaint_steps.step', 'in', RECOUNTED)
    .where('complaints.closed_at', 'is', null)
    .where('complaints.stage1_closed_at', 'is', null)
    .where('submissions.kind', '=', 'complaint')
    .execute();
  if (open.length === 0) return 0;
  const changed = new Set<string>();
  let moved = 0;
  for (const s of open) {
    // From the start of its window: the receipt, 1.4's mark for 1.5, a reopening for 1.6.
    const due = deadlineFrom(cal, s.step as Step, new Date(s.startAt!))?.toISOString();
    if (!due || due === s.dueAt) continue;
    // Locked as a step's mark locks it (its submission, then itself), before its steps change:
    // the other order deadlocked with a mark on PostgreSQL.
    if (!changed.has(s.id)) await lockComplaint(trx, s.id);
    await trx
      .updateTable('complaint_steps')
      .set({ due_at: due })
      .where('complaint_id', '=', s.id)
      .where('step', '=', s.step)
      .execute();
    // Its notices stay: one sent before its moment under the new deadline goes again in its time
    // (reminders.ts compares when it was sent with its moment), one sent at or after it stands.
    changed.add(s.id);
    moved++;
  }
  for (const id of changed) await refreshNextDue(trx, clock, id);
  return moved;
}
