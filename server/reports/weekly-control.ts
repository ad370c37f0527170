import { STEP_TITLES, STEPS } from '../../shared/complaint-process.ts';
import type { Period } from '../../shared/report-periods.ts';
import type { OverdueComplaint, WeeklyControl, WeeklyFigures } from '../../shared/console-reports.ts';
import { loadCalendar } from '../calendar/calendar-store.ts';
import { workingDayMs, workingMsBetween } from '../calendar/working-time.ts';
import type { Db } from '../db/connection.ts';
import { companyTime } from '../mail/templates/format.ts';
import { openComplaintsAt } from './open-complaints.ts';
import { departmentNames } from './report-labels.ts';
import { workingTimeText } from '../../shared/working-time-text.ts';
import { reportPeriod, reportWindow } from './report-window.ts';
import { complaintsByDepartment, stepsDoneIn } from './weekly-counts.ts';

const MINUTE = 60_000;
const zero = (): WeeklyFigures => ({ received: 0, open: 0, closed: 0, overdue: 0 });

/**
 * The weekly control of complaint deadlines (seed 004 «Контроль отработки жалоб»): received,
 * open, closed and overdue complaints of a week, by department and by step, and the list of the
 * overdue ones, longest overdue first. Counted at the week's end, or now while the week runs;
 * a complaint counts in the department it is assigned to now.
 * @example await weeklyControl(db, clock.now(), parsePeriod('2026-W44')!, null)
 */
export async function weeklyControl(
  db: Db,
  now: Date,
  period: Period,
  department: { id: string; name: string } | null,
): Promise<WeeklyControl> {
  const w = reportWindow(period, now);
  const departmentId = department?.id ?? null;
  const cal = await loadCalendar(db);
  const names = await departmentNames(db);
  const received = await complaintsByDepartment(db, 'received_at', w, departmentId);
  const closed = await complaintsByDepartment(db, 'closed_at', w, departmentId);
  const done = await stepsDoneIn(db, w, departmentId);
  const open = await openComplaintsAt(db, w.asOf, departmentId);

  const totals = zero();
  const byDep = new Map<string, WeeklyFigures>();
  const figures = (id: string | null) => {
    const key = id ?? '';
    if (!byDep.has(key)) byDep.set(key, zero());
    return byDep.get(key)!;
  };
  for (const [id, n] of received) figures(id).received += n;
  for (const [id, n] of closed) figures(id).closed += n;
  const dayMinutes = workingDayMs(cal) / MINUTE;
  const asOf = new Date(w.asOf);
  const overdue: OverdueComplaint[] = [];
  for (const c of open) {
    const f = figures(c.departmentId);
    f.open++;
    const first = c.overdue[0];
    if (!first) continue;
    f.overdue++;
    const minutes = Math.floor(workingMsBetween(cal, new Date(first.dueAt), asOf) / MINUTE);
    overdue.push({
      id: c.id,
      number: c.number,
      receivedAt: c.receivedAt,
      department: c.departmentId ? { id: c.departmentId, name: names.get(c.departmentId) ?? '' } : null,
      responsible: c.responsible,
      step: first.step,
      dueAt: first.dueAt,
      overdueWorkingMinutes: minutes,
      // Past a deadline of Friday 18:00 at the week's end no working minute is lost yet: not «0 мин».
      overdueText: minutes >= 1 ? workingTimeText(minutes, dayMinutes) : `с ${companyTime(first.dueAt)}`,
      client: c.client,
    });
  }
  for (const f of byDep.values()) for (const k of ['received', 'open', 'closed', 'overdue'] as const) totals[k] += f[k];

  const byDepartment = [...byDep.entries()]
    .map(([id, f]) => ({ department: id ? { id, name: names.get(id) ?? '' } : null, ...f }))
    .filter((r) => r.received + r.open + r.closed + r.overdue > 0)
    .sort((a, b) =>
      !a.department ? 1 : !b.department ? -1 : a.department.name.localeCompare(b.department.name, 'ru'),
    );
  const steps = STEPS.map((step) => ({
    step,
    title: STEP_TITLES[step],
    open: open.filter((c) => c.firstOpenStep === step).length,
    overdue: open.filter((c) => c.overdue.some((s) => s.step === step)).length,
    doneOnTime: done.get(step)?.onTime ?? 0,
    doneLate: done.get(step)?.late ?? 0,
  }));
  overdue.sort(
    (a, b) =>
      b.overdueWorkingMinutes - a.overdueWorkingMinutes ||
      a.dueAt.localeCompare(b.dueAt) ||
      a.number.localeCompare(b.number),
  );
  return { period: reportPeriod(period), asOf: w.asOf, department, totals, byDepartment, steps, overdue };
}
