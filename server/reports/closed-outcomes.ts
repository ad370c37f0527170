import { CLOSE_TARGET_WORKING_DAYS, JUSTIFICATION_LABELS, STEP_DEADLINES } from '../../shared/complaint-process.ts';
import type { PeriodFigures, Share } from '../../shared/console-reports.ts';
import { addWorkingDays, type WorkingCalendar, workingDayMs, workingMsBetween } from '../calendar/working-time.ts';
import { localDayNumber } from '../calendar/zone-time.ts';
import type { Db } from '../db/connection.ts';
import { NONE, NONE_LABEL, num, ofDepartment, shareOf, unindexed, withShare } from './report-labels.ts';

const LIMIT_DAYS = (STEP_DEADLINES['1.6'] as { workingDays: number }).workingDays;

const YES_NO = [
  { key: 'yes', label: 'Да', value: 1 },
  { key: 'no', label: 'Нет', value: 0 },
];

/** The seed's combinations of satisfaction (with the solution) and loyalty (stays a client). */
const COMBINATIONS = [
  { key: 'satisfied_loyal', label: 'Удовлетворён и лоялен', satisfied: 1, loyal: 1 },
  { key: 'satisfied_not_loyal', label: 'Удовлетворён, но не лоялен', satisfied: 1, loyal: 0 },
  { key: 'not_satisfied_loyal', label: 'Не удовлетворён, но лоялен', satisfied: 0, loyal: 1 },
  { key: 'not_satisfied_not_loyal', label: 'Не удовлетворён и не лоялен', satisfied: 0, loyal: 0 },
];

const round1 = (n: number) => Math.round(n * 10) / 10;

/** One responsible person's closings in a period (`key`: his user id, or NONE). */
export interface ResponsibleClosings {
  key: string;
  closed: number;
  withinLimit: number;
  withinTarget: number;
  satisfied: number;
  loyal: number;
}

/** What a period's closings are counted from: exact, so the tallies of months add up to a quarter's. */
export interface ClosedTally {
  groups: Array<{ justification: string | null; satisfied: number | null; loyal: number | null; n: number }>;
  /** Working days from receipt to closing, one per closed complaint. */
  days: number[];
  withinLimit: number;
  withinTarget: number;
  /** The same closings by the person responsible for each complaint. */
  responsibles: ResponsibleClosings[];
}

/**
 * Complaints closed in [from, end): how they ended, counted by a GROUP BY in SQL, and the working
 * days from receipt to closing (the calendar's working time ÷ the standard day) over the closed
 * rows. «Within the limit / the aim» is closed by the close of the 14th / 5th working day after
 * the day of receipt: the rule of step 1.6's deadline and of the card's aim, not a cut of the average.
 */
export async function closedTally(
  db: Db,
  cal: WorkingCalendar,
  range: { from: string; end: string },
  departmentId: string | null,
): Promise<ClosedTally> {
  const base = db
    .selectFrom('complaints')
    .where('complaints.closed_at', '>=', range.from)
    .where('complaints.closed_at', '<', range.end)
    .$if(departmentId !== null, (qb) =>
      qb.where(unindexed('complaints.submission_id'), 'in', ofDepartment(db, departmentId!)),
    );
  const groups = await base
    .select(['complaints.justification', 'complaints.satisfied', 'complaints.loyal', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['complaints.justification', 'complaints.satisfied', 'complaints.loyal'])
    .execute();
  const times = await base
    .select(['complaints.received_at as receivedAt', 'complaints.closed_at as closedAt'])
    .select(['complaints.responsible_user_id as responsible', 'complaints.satisfied', 'complaints.loyal'])
    .execute();

  const dayMs = workingDayMs(cal);
  const days: number[] = [];
  let withinLimit = 0;
  let withinTarget = 0;
  // Both deadlines depend only on the day of receipt: counted once a day, not once a complaint.
  const deadlines = new Map<number, { limit: number; target: number }>();
  const byResponsible = new Map<string, ResponsibleClosings>();
  for (const t of times) {
    if (!t.closedAt) continue;
    const received = new Date(t.receivedAt);
    const closed = new Date(t.closedAt);
    days.push(workingMsBetween(cal, received, closed) / dayMs);
    const day = localDayNumber(cal.timeZone, received.getTime());
    let d = deadlines.get(day);
    if (!d) {
      d = {
        limit: addWorkingDays(cal, received, LIMIT_DAYS).getTime(),
        target: addWorkingDays(cal, received, CLOSE_TARGET_WORKING_DAYS).getTime(),
      };
      deadlines.set(day, d);
    }
    const inLimit = closed.getTime() <= d.limit;
    const inTarget = closed.getTime() <= d.target;
    if (inLimit) withinLimit++;
    if (inTarget) withinTarget++;
    const key = t.responsible ?? NONE;
    const r = byResponsible.get(key) ?? { key, closed: 0, withinLimit: 0, withinTarget: 0, satisfied: 0, loyal: 0 };
    r.closed++;
    r.withinLimit += Number(inLimit);
    r.withinTarget += Number(inTarget);
    r.satisfied += Number(num(t.satisfied) === 1);
    r.loyal += Number(num(t.loyal) === 1);
    byResponsible.set(key, r);
  }
  const groupsOut = groups.map((g) => ({ ...g, n: num(g.n) }));
  return { groups: groupsOut, days, withinLimit, withinTarget, responsibles: [...byResponsible.values()] };
}

/** The tallies of several periods as one (the months of a quarter, say). */
export function addClosed(parts: ClosedTally[]): ClosedTally {
  return {
    groups: parts.flatMap((p) => p.groups),
    days: parts.flatMap((p) => p.days),
    withinLimit: parts.reduce((s, p) => s + p.withinLimit, 0),
    withinTarget: parts.reduce((s, p) => s + p.withinTarget, 0),
    responsibles: addByKey(parts.map((p) => p.responsibles)),
  };
}

/** Lists of tallies by key added up, field by field: a person's months as his quarter. */
export function addByKey<T extends { key: string }>(lists: T[][]): T[] {
  const sums = new Map<string, T>();
  for (const list of lists)
    for (const item of list) {
      const had = sums.get(item.key);
      if (!had) {
        sums.set(item.key, { ...item });
        continue;
      }
      for (const [field, value] of Object.entries(item))
        if (typeof value === 'number')
          (had as Record<string, unknown>)[field] = (had[field as keyof T] as number) + value;
    }
  return [...sums.values()];
}

/** The closings as the analysis shows them: shares of each answer, average and median days. */
export function closedFigures(tally: ClosedTally): PeriodFigures['closed'] {
  const rows = tally.groups;
  const { withinLimit, withinTarget } = tally;
  const days = [...tally.days];
  const count = rows.reduce((s, r) => s + r.n, 0);
  const sum = (pick: (r: (typeof rows)[number]) => boolean) => rows.filter(pick).reduce((s, r) => s + r.n, 0);
  const share = (key: string, label: string, pick: (r: (typeof rows)[number]) => boolean): Share =>
    withShare({ key, label, count: sum(pick) }, count);
  const answered = (v: number | null) => v === 0 || v === 1;
  const yesNo = (field: 'satisfied' | 'loyal') => [
    ...YES_NO.map((a) => share(a.key, a.label, (r) => r[field] === a.value)),
    share(NONE, NONE_LABEL, (r) => !answered(r[field])),
  ];

  days.sort((a, b) => a - b);
  const mid = Math.floor(days.length / 2);
  const median = days.length === 0 ? null : days.length % 2 ? days[mid]! : (days[mid - 1]! + days[mid]!) / 2;

  return {
    count,
    justification: [
      ...Object.entries(JUSTIFICATION_LABELS).map(([key, label]) => share(key, label, (r) => r.justification === key)),
      share(NONE, NONE_LABEL, (r) => r.justification === null),
    ],
    satisfied: yesNo('satisfied'),
    loyal: yesNo('loyal'),
    combinations: [
      ...COMBINATIONS.map((c) => share(c.key, c.label, (r) => r.satisfied === c.satisfied && r.loyal === c.loyal)),
      share(NONE, NONE_LABEL, (r) => !answered(r.satisfied) || !answered(r.loyal)),
    ],
    averageDays: days.length ? round1(days.reduce((s, d) => s + d, 0) / days.length) : null,
    medianDays: median === null ? null : round1(median),
    withinLimit: {
      key: 'limit',
      label: `До ${LIMIT_DAYS} рабочих дней`,
      count: withinLimit,
      share: shareOf(withinLimit, count),
    },
    withinTarget: {
      key: 'target',
      label: `До ${CLOSE_TARGET_WORKING_DAYS} рабочих дней`,
      count: withinTarget,
      share: shareOf(withinTarget, count),
    },
  };
}
