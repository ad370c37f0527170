// One complaint's life as the complaint process would have left it by `now`: its stage 1 steps with
// the deadlines the server counts (server/complaints/deadlines.ts), most done on time, some late,
// a few never finished; its classification, the client's satisfaction and loyalty, and its close.
import { CORRECTIONS, type Step } from '../../shared/complaint-process.ts';
import { addWorkingDays, addWorkingHours, type WorkingCalendar } from '../../server/calendar/working-time.ts';
import { deadlineAfterDone, initialDeadlines, nextDue } from '../../server/complaints/deadlines.ts';
import type { ComplaintStepTable, ComplaintTable } from '../../server/db/schema.ts';
import type { Random } from './random.ts';

export type ComplaintRow = Omit<ComplaintTable, 'scope' | 'importance'> & { scope: string; importance: string };
export type StepRow = ComplaintStepTable;

export interface ComplaintInput {
  submissionId: string;
  receivedAt: Date;
  channel: string;
  /** The department's handler, who handles the complaint; null when it has no department. */
  responsibleId: string | null;
  /** The QMS user who registered a complaint received by phone, letter…; null for the site's. */
  registrarId: string | null;
}

const DAY_HOURS = 9; // the company's default working day, 09:00–18:00

/** Working hours from receipt to close: mostly within the 5-day aim, some up to the 14-day limit, a few over it. */
function closeEffort(r: Random): number {
  const u = r.next();
  const days =
    u < 0.6 ? r.between(0.5, 5) : u < 0.88 ? r.between(5, 12) : u < 0.95 ? r.between(12, 14) : r.between(14, 25);
  return days * DAY_HOURS;
}

/** The complaint's row, its six steps, and the status its submission has by `now`. */
export function complaintLife(r: Random, cal: WorkingCalendar, now: Date, c: ComplaintInput) {
  const at = c.receivedAt;
  const effort = closeEffort(r);
  // A few stall at some step and are finished weeks late: the overdue ones of every week's control;
  // a very few are never finished.
  const stuckAt = r.chance(0.03) ? 1 + Math.floor(r.next() * 5) : 6;
  const stall = r.chance(0.05) ? Number.POSITIVE_INFINITY : r.between(15, 60) * DAY_HOURS;
  const offsets = [
    r.chance(0.92) ? r.between(0.05, 0.95) : r.between(1.05, 6),
    r.chance(0.9) ? r.between(1, 2.95) : r.between(3.05, 12),
    effort * r.between(0.3, 0.45),
    effort * r.between(0.55, 0.7),
    effort * r.between(0.75, 0.95),
    effort,
  ];
  let last = 0;
  const doneAt: Array<Date | null> = [];
  for (let i = 0; i < 6; i++) {
    last = Math.max(last + 0.02, offsets[i]! + (i >= stuckAt ? stall : 0));
    const t = Number.isFinite(last) ? addWorkingHours(cal, at, last) : null;
    doneAt.push(t && t <= now && (i === 0 || doneAt[i - 1]) ? t : null);
  }
  const by = c.responsibleId;
  const steps: StepRow[] = initialDeadlines(cal, at).map((s) => ({
    complaint_id: c.submissionId,
    step: s.step,
    window_start_at: s.windowStartAt,
    due_at: s.dueAt,
    done_at: null,
    done_by: null,
    comment: null,
  }));
  const done13 = doneAt[2];
  if (done13) {
    // Step 1.3 agrees the correction's date with the client: that is step 1.4's deadline.
    steps[3]!.window_start_at = done13.toISOString();
    steps[3]!.due_at = addWorkingDays(cal, done13, 1 + Math.floor(r.next() * 5)).toISOString();
  }
  const done14 = doneAt[3];
  if (done14) {
    const s = deadlineAfterDone(cal, '1.5' as Step, done14)!;
    steps[4]!.window_start_at = s.windowStartAt;
    steps[4]!.due_at = s.dueAt;
  }
  steps.forEach((s, i) => {
    s.done_at = doneAt[i]?.toISOString() ?? null;
    s.done_by = s.done_at ? by : null;
  });
  const closedAt = doneAt[5]?.toISOString() ?? null;
  const outcome = closedAt && r.chance(0.85);
  const satisfied = outcome ? r.chance(0.75) : null;
  const loyal = outcome ? r.chance(satisfied ? 0.85 : 0.3) : null;
  const survey = outcome && r.chance(0.6);
  const u = r.next();
  const complaint: ComplaintRow = {
    submission_id: c.submissionId,
    received_at: at.toISOString(),
    opened_at: at.toISOString(),
    origin: c.registrarId ? 'console' : 'site',
    rating_id: null,
    registered_by: c.registrarId,
    responsible_user_id: by,
    contact_position: null,
    situation_date: null,
    performer: null,
    scope: c.channel === 'internal' ? 'internal' : 'external',
    justification: done13 ? (u < 0.5 ? 'justified' : u < 0.7 ? 'partly' : 'unjustified') : null,
    importance: r.chance(0.1) ? 'high' : 'normal',
    satisfied: satisfied === null ? null : Number(satisfied),
    loyal: loyal === null ? null : Number(loyal),
    outcome_source: outcome ? (survey ? 'survey' : 'handler') : null,
    correction: done13 ? r.pick(CORRECTIONS) : null,
    correction_note: null,
    correction_record: done13 ? 'letter' : null,
    next_due_at: nextDue(steps.map((s) => ({ dueAt: s.due_at, doneAt: s.done_at }))),
    stage1_closed_at: closedAt,
    stage2_closed_at: null,
    closed_at: closedAt,
    survey_token: null,
    survey_sent_at: survey ? closedAt : null,
    survey_answered_at: survey && closedAt ? new Date(Date.parse(closedAt) + 86_400_000).toISOString() : null,
    updated_at: (doneAt.filter(Boolean).at(-1) ?? at).toISOString(),
  };
  const status = closedAt ? 'closed' : doneAt[0] ? 'in_progress' : 'new';
  return { complaint, steps, status };
}
