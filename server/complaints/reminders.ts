import type { Step } from '../../shared/complaint-process.ts';
import { workingTimeText } from '../../shared/working-time-text.ts';
import { loadCalendar } from '../calendar/calendar-store.ts';
import { workingDayMs, workingMsBetween } from '../calendar/working-time.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { leasedJob } from '../db/leased-job.ts';
import type { Config } from '../env.ts';
import type { NoticeKind } from '../mail/templates/complaint-reminder.ts';
import { noticeMoments } from './deadlines.ts';
import { enqueueNoticeMail } from './mail.ts';
import { recountDeadlines } from './recount.ts';
import { NOTICE_KINDS, recordNotice } from './store.ts';

/** How long a complaint registered with deadlines already past waits before it is reminded of them. */
export const REGISTRATION_GRACE_MS = 15 * 60_000;

/**
 * Which notice a step is due for at `now`, of its moments (noticeMoments), if any: only the latest
 * is given, so a server that was down doesn't send a stale «soon» after the deadline.
 */
function noticeDue(at: Record<NoticeKind, Date>, now: Date): { kind: NoticeKind; at: Date } | null {
  const kind = [...NOTICE_KINDS].reverse().find((k) => now >= at[k]);
  return kind ? { kind, at: at[kind] } : null;
}

const ORDER: readonly NoticeKind[] = NOTICE_KINDS;

/**
 * Sends the reminders, overdue notices and escalations that are due: each at most once per step
 * and kind, whichever instance gets there first, and the ones missed while the server was down
 * when it comes back. Each notice's row and its e-mail are written in one transaction; the row's
 * key makes a second writer change nothing. Returns how many were queued; a step whose deadline
 * can't be counted is passed over, and the round then fails naming it.
 */
export async function sendDueNotices(db: Db, deps: { clock: Clock; config: Config }): Promise<number> {
  const now = deps.clock.now();
  const cal = await loadCalendar(db);
  const open = await db
    .selectFrom('complaint_steps')
    .innerJoin('complaints', 'complaints.submission_id', 'complaint_steps.complaint_id')
    .innerJoin('submissions', 'submissions.id', 'complaint_steps.complaint_id')
    .leftJoin('complaint_notices', (j) =>
      j
        .onRef('complaint_notices.complaint_id', '=', 'complaint_steps.complaint_id')
        .onRef('complaint_notices.step', '=', 'complaint_steps.step'),
    )
    .select(['complaint_steps.complaint_id', 'complaint_steps.step', 'complaint_steps.window_start_at'])
    .select(['complaint_steps.due_at', 'complaint_notices.kind as sent', 'complaint_notices.at as sentAt'])
    // When it became a complaint: a message made one days after it came has its deadlines past at once.
    .select('complaints.opened_at as registeredAt')
    .where('complaint_steps.done_at', 'is', null)
    .where('complaint_steps.due_at', 'is not', null)
    .where('complaint_steps.window_start_at', 'is not', null)
    .where('complaint_steps.window_start_at', '<=', now.toISOString())
    .where('complaints.closed_at', 'is', null)
    // Every step is stage 1's: once it is closed, a step left undone is past reminding.
    .where('complaints.stage1_closed_at', 'is', null)
    .where('submissions.kind', '=', 'complaint')
    .execute();

  // Each step's notices recorded, by kind: when each was.
  const sentByStep = new Map<string, Map<string, string>>();
  for (const r of open) {
    const key = `${r.complaint_id} ${r.step}`;
    if (!sentByStep.has(key)) sentByStep.set(key, new Map());
    if (r.sent && r.sentAt) sentByStep.get(key)!.set(r.sent, r.sentAt);
  }
  // How much working time is left before a deadline, or how late it is, as the card says it; none
  // under a minute (an overdue notice goes in the minute its deadline passes: «0 мин» says nothing).
  const dayMinutes = workingDayMs(cal) / MINUTE;
  const timing = (dueAt: string) => {
    const due = new Date(dueAt);
    const left = due > now;
    const minutes = Math.floor(workingMsBetween(cal, left ? now : due, left ? due : now) / MINUTE);
    return minutes >= 1 ? { left, text: workingTimeText(minutes, dayMinutes) } : undefined;
  };
  let queued = 0;
  const seen = new Set<string>();
  const uncounted: string[] = [];
  for (const r of open) {
    const key = `${r.complaint_id} ${r.step}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let at: ReturnType<typeof noticeMoments>;
    try {
      at = noticeMoments(cal, { windowStartAt: r.window_start_at!, dueAt: r.due_at! });
    } catch (err) {
      uncounted.push(`${r.step} of ${r.complaint_id} (${err instanceof Error ? err.message : String(err)})`);
      continue;
    }
    const due = noticeDue(at, now);
    if (!due) continue;
    // A complaint registered by hand after the fact (a letter of last week) has notices whose
    // moment was past when it was registered; its registrar marks what was done then, which takes
    // a few minutes. Told at once, the responsible and the QMS got «просрочено» for steps done on
    // time, and «Скоро срок» a minute after the assignment letter.
    if (
      at[due.kind].getTime() <= Date.parse(r.registeredAt) &&
      now.getTime() - Date.parse(r.registeredAt) < REGISTRATION_GRACE_MS
    )
      continue;
    // A notice recorded at or after its moment stands; one recorded before it was for an earlier
    // deadline, which a calendar change has moved ahead since: it goes again in its time. (Moved
    // back, its first sending stands: a calendar edited to and fro sent the same «Скоро срок» twice.)
    const sent = new Set(
      [...sentByStep.get(key)!].filter(([kind, when]) => when >= at[kind as NoticeKind].toISOString()).map(([k]) => k),
    );
    // A later notice already sent makes an earlier one pointless.
    if (ORDER.slice(ORDER.indexOf(due.kind)).some((k) => sent.has(k))) continue;
    // A step first seen past its escalation (registered late, the server down) still tells its
    // responsible it is overdue, as he would have been told: the escalation goes to the QMS.
    const catchUp = due.kind === 'escalation' && !sent.has('overdue');
    for (const kind of catchUp ? (['overdue', 'escalation'] as const) : [due.kind]) {
      const inserted = await db.transaction().execute(async (trx) => {
        const notice = { complaintId: r.complaint_id, step: r.step, kind, at: now.toISOString() };
        if (!(await recordNotice(trx, notice, at[kind].toISOString()))) return false;
        return enqueueNoticeMail(
          trx,
          deps,
          { submissionId: r.complaint_id, step: r.step as Step, kind, dueAt: r.due_at!, timing: timing(r.due_at!) },
          { onlyToResponsible: catchUp && kind === 'overdue' },
        );
      });
      if (inserted) queued++;
    }
  }
  // A deadline no calendar can count (a date typed before the console refused such dates) stops
  // only its own step's notices; the round says which, and fails, so the log shows it every round.
  if (uncounted.length > 0)
    throw new Error(`${queued} queued; the deadlines of step ${uncounted.join(', ')} can't be counted`);
  return queued;
}

const MINUTE = 60_000;
export const REMINDERS_JOB = 'reminders';

/**
 * Runs `sendDueNotices` about once a minute across every instance on the database (and at start,
 * so what was missed while the server was down goes out when it is back): each instance looks
 * every minute and runs the round only when it wins the job's lease (db/leased-job.ts), which is
 * next due 50 s after a round ends — with one instance, every look runs it. A round that fails
 * frees the lease at once; an instance that dies mid-round holds it for at most two minutes.
 * Should two rounds ever meet, the notices' key still lets only one of each through.
 * `tick` resolves to true when this instance ran the round, null otherwise.
 */
export function createReminderScheduler(deps: {
  db: Db;
  clock: Clock;
  config: Config;
  onMailQueued: () => void;
  log: (m: string) => void;
  /** A failed run (the database down, say): a warning an operator's LOG_LEVEL=warn keeps; `log` without it. */
  warn?: (m: string) => void;
  /** Tells instances apart in the lease; a random one by default. */
  holder?: string;
  intervalMs?: number;
}) {
  const intervalMs = deps.intervalMs ?? MINUTE;
  return leasedJob({
    db: deps.db,
    clock: deps.clock,
    name: REMINDERS_JOB,
    holder: deps.holder,
    holdMs: 2 * MINUTE,
    everyMs: (intervalMs * 5) / 6,
    intervalMs,
    retryAtOnce: true,
    run: async () => {
      // Deadlines counted on the calendar as it is now, before anyone is reminded of them.
      const moved = await recountDeadlines(deps.db, deps.clock);
      if (moved > 0) deps.log(`the working calendar changed: ${moved} open deadline(s) counted again`);
      const n = await sendDueNotices(deps.db, deps);
      if (n > 0) {
        deps.log(`${n} reminder(s) queued`);
        deps.onMailQueued();
      }
      return true;
    },
    failed: (err) => (deps.warn ?? deps.log)(`reminders failed: ${err instanceof Error ? err.message : String(err)}`),
  });
}
