import { setImmediate as giveWay } from 'node:timers/promises';
import type {
  Count,
  PeriodFigures,
  RatingSummary,
  ResponsibleFigures,
  StepCompliance,
} from '../../shared/console-reports.ts';
import type { Period } from '../../shared/report-periods.ts';
import type { WorkingCalendar } from '../calendar/working-time.ts';
import type { Db } from '../db/connection.ts';
import { channelLabel } from '../mail/templates/format.ts';
import { addByKey, addClosed, type ClosedTally, closedFigures, closedTally } from './closed-outcomes.ts';
import { periodMonths, ratingSummaries } from './rating-summaries.ts';
import { receivedCounts } from './received-counts.ts';
import { byCountThenLabel, KIND_LABELS, NONE, NO_DEPARTMENT_LABEL, REPORT_KINDS, shareOf } from './report-labels.ts';
import { reportPeriod, reportWindow } from './report-window.ts';
import { type ResponsibleSteps, responsibleSteps, stepCompliance } from './step-compliance.ts';

/** A period's figures in a form whose parts add up exactly: a quarter is the sum of its months. */
export interface MonthFigures {
  received: PeriodFigures['received'];
  closed: ClosedTally;
  compliance: StepCompliance[];
  /** The steps' deadlines by responsible person (the closings' are in `closed`). */
  responsibleSteps: ResponsibleSteps[];
  ratings: PeriodFigures['ratings'];
}

/** The figures of one period (a month, as kept), counted from the rows as they stand at `now`. */
export async function countFigures(
  db: Db,
  cal: WorkingCalendar,
  names: Map<string, string>,
  now: Date,
  period: Period,
  departmentId: string | null,
): Promise<MonthFigures> {
  const w = reportWindow(period, now);
  // Each count may read for hundreds of milliseconds at a million messages, and SQLite answers
  // synchronously: between them other requests (the forms, /healthz, other readers) get their
  // turn, where a year counted afresh (24 months) held the whole server for 20 s.
  return {
    received: await giveWay().then(() => receivedCounts(db, w, departmentId, names)),
    closed: await giveWay().then(() => closedTally(db, cal, w, departmentId)),
    compliance: await giveWay().then(() => stepCompliance(db, w, departmentId)),
    responsibleSteps: await giveWay().then(() => responsibleSteps(db, w, departmentId)),
    ratings: await giveWay().then(() => ratingSummaries(db, period, w, departmentId, names)),
  };
}

/** Counts of the same keys added up; the latest part's label wins, a department's name is today's. */
function addCounts(lists: Count[][], label: (key: string, latest: string) => string): Count[] {
  const sums = new Map<string, Count>();
  for (const list of lists)
    for (const c of list) {
      const had = sums.get(c.key);
      sums.set(c.key, { key: c.key, label: label(c.key, c.label), count: (had?.count ?? 0) + c.count });
    }
  return [...sums.values()];
}

const departmentLabel = (names: Map<string, string>) => (key: string, latest: string) =>
  key === NONE ? NO_DEPARTMENT_LABEL : (names.get(key) ?? latest);

const round2 = (n: number) => Math.round(n * 100) / 100;

const NO_RESPONSIBLE_LABEL = 'Ответственный не назначен';

/** The period's closings and deadlines by responsible person, under today's names of the users. */
function addResponsibles(parts: MonthFigures[], users: Map<string, string>): ResponsibleFigures[] {
  const closings = addByKey(parts.map((p) => p.closed.responsibles));
  const steps = addByKey(parts.map((p) => p.responsibleSteps));
  const keys = [...new Set([...closings.map((c) => c.key), ...steps.map((s) => s.key)])];
  const part = (count: number, whole: number) => ({ count, share: shareOf(count, whole) });
  return keys
    .map((key): ResponsibleFigures => {
      const c = closings.find((x) => x.key === key);
      const s = steps.find((x) => x.key === key);
      const closed = c?.closed ?? 0;
      const due = s?.due ?? 0;
      return {
        key,
        label: key === NONE ? NO_RESPONSIBLE_LABEL : (users.get(key) ?? key),
        closed,
        withinLimit: part(c?.withinLimit ?? 0, closed),
        withinTarget: part(c?.withinTarget ?? 0, closed),
        satisfied: part(c?.satisfied ?? 0, closed),
        loyal: part(c?.loyal ?? 0, closed),
        due,
        onTime: part(s?.onTime ?? 0, due),
      };
    })
    .sort(
      (a, b) =>
        Number(a.key === NONE) - Number(b.key === NONE) ||
        b.closed + b.due - (a.closed + a.due) ||
        a.label.localeCompare(b.label, 'ru'),
    );
}
const scoreSum = (scores: number[]) => scores.reduce((s, n, i) => s + n * (i + 1), 0);

/** Ratings of the same key added up over the months; each month's average from its scores. */
function addRatings(
  months: string[],
  lists: RatingSummary[][],
  label: (key: string, latest: string) => string,
): RatingSummary[] {
  const sums = new Map<string, { label: string; scores: number[]; byMonth: Map<string, number[]> }>();
  for (const list of lists)
    for (const r of list) {
      const had = sums.get(r.key) ?? { label: r.label, scores: [0, 0, 0, 0, 0], byMonth: new Map() };
      had.label = label(r.key, r.label);
      r.scores.forEach((n, i) => {
        had.scores[i]! += n;
      });
      // A month's part has its one month; its scores are that month's.
      for (const m of r.byMonth) if (m.count > 0) had.byMonth.set(m.month, r.scores);
      sums.set(r.key, had);
    }
  return [...sums]
    .map(([key, t]): RatingSummary => {
      const count = t.scores.reduce((s, n) => s + n, 0);
      return {
        key,
        label: t.label,
        count,
        average: count ? round2(scoreSum(t.scores) / count) : null,
        scores: t.scores as RatingSummary['scores'],
        byMonth: months.map((month) => {
          const s = t.byMonth.get(month) ?? [0, 0, 0, 0, 0];
          const n = s.reduce((a, b) => a + b, 0);
          return { month, count: n, average: n ? round2(scoreSum(s) / n) : null };
        }),
      };
    })
    .sort(byCountThenLabel);
}

/**
 * The months' figures as one period's, as the analysis shows them; departments, employees,
 * subjects and users by today's names (`names`, `listed`), whatever names a kept month was counted with.
 */
export function addFigures(
  period: Period,
  parts: MonthFigures[],
  names: Map<string, string>,
  listed: { employees: Map<string, string>; subjects: Map<string, string>; users: Map<string, string> },
): PeriodFigures {
  const kinds = addCounts(
    parts.map((p) => p.received.byKind),
    (key, latest) => KIND_LABELS[key] ?? latest,
  );
  const known: readonly string[] = REPORT_KINDS;
  const byDepartment = departmentLabel(names);
  const months = periodMonths(period).map((m) => m.month);
  return {
    period: reportPeriod(period),
    received: {
      total: parts.reduce((s, p) => s + p.received.total, 0),
      byKind: [
        ...REPORT_KINDS.map((k) => kinds.find((c) => c.key === k) ?? { key: k, label: KIND_LABELS[k]!, count: 0 }),
        ...kinds.filter((c) => !known.includes(c.key)),
      ],
      byChannel: addCounts(
        parts.map((p) => p.received.byChannel),
        (key) => channelLabel(key),
      ).sort(byCountThenLabel),
      byDepartment: addCounts(
        parts.map((p) => p.received.byDepartment),
        byDepartment,
      ).sort(byCountThenLabel),
    },
    closed: closedFigures(addClosed(parts.map((p) => p.closed))),
    compliance: (parts[0]?.compliance ?? []).map((first, i) => {
      const sum = (f: 'due' | 'onTime' | 'late' | 'notDone') => parts.reduce((s, p) => s + p.compliance[i]![f], 0);
      return {
        ...first,
        due: sum('due'),
        onTime: sum('onTime'),
        late: sum('late'),
        notDone: sum('notDone'),
        share: shareOf(sum('onTime'), sum('due')),
      };
    }),
    responsibles: addResponsibles(parts, listed.users),
    ratings: {
      employees: addRatings(
        months,
        parts.map((p) => p.ratings.employees),
        (key, latest) => listed.employees.get(key) ?? latest,
      ),
      departments: addRatings(
        months,
        parts.map((p) => p.ratings.departments),
        byDepartment,
      ),
      subjects: addRatings(
        months,
        parts.map((p) => p.ratings.subjects),
        (key, latest) => listed.subjects.get(key) ?? latest,
      ),
    },
  };
}
