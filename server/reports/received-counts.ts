import type { PeriodFigures } from '../../shared/console-reports.ts';
import type { Db } from '../db/connection.ts';
import { channelLabel } from '../mail/templates/format.ts';
import {
  byCountThenLabel,
  KIND_LABELS,
  NO_DEPARTMENT_LABEL,
  NONE,
  num,
  REPORT_KINDS,
  sameDepartment,
} from './report-labels.ts';

/**
 * Feedback and ratings received in [from, end) by kind, channel and department: a complaint in the
 * month it was received (`complaints.received_at`, from which its deadlines run, as the weekly
 * control counts it), however much later it was registered, and so is one later found to be a
 * suggestion or a thanks (a letter of October stays October's); everything else when it came
 * (`submissions.created_at`); a rating made a complaint only as that complaint. Two GROUP BYs in
 * SQL (a few dozen groups each), folded here. Kinds
 * are always all four; channels and departments only those with any.
 */
export async function receivedCounts(
  db: Db,
  range: { from: string; end: string },
  departmentId: string | null,
  names: Map<string, string>,
): Promise<PeriodFigures['received']> {
  const columns = ['submissions.kind', 'submissions.channel', 'submissions.department_id'] as const;
  const others = await db
    .selectFrom('submissions')
    .select([...columns, (eb) => eb.fn.countAll().as('n')])
    .where('submissions.created_at', '>=', range.from)
    .where('submissions.created_at', '<', range.end)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('complaints').select('submission_id').whereRef('submission_id', '=', 'submissions.id'))),
    )
    // A rating made a complaint is one message of its client's, counted as the complaint it became.
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('complaints').select('rating_id').whereRef('rating_id', '=', 'submissions.id'))),
    )
    .$if(departmentId !== null, (qb) => qb.where(sameDepartment('submissions.department_id', departmentId!)))
    .groupBy(columns)
    .execute();
  const complaints = await db
    .selectFrom('complaints')
    .innerJoin('submissions', 'submissions.id', 'complaints.submission_id')
    .select([...columns, (eb) => eb.fn.countAll().as('n')])
    .where('complaints.received_at', '>=', range.from)
    .where('complaints.received_at', '<', range.end)
    .$if(departmentId !== null, (qb) => qb.where(sameDepartment('submissions.department_id', departmentId!)))
    .groupBy(columns)
    .execute();
  const rows = [...others, ...complaints];
  const kinds = new Map<string, number>();
  const channels = new Map<string, number>();
  const departments = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  let total = 0;
  for (const r of rows) {
    const n = num(r.n);
    total += n;
    add(kinds, r.kind, n);
    add(channels, r.channel, n);
    add(departments, r.department_id ?? NONE, n);
  }
  const known: readonly string[] = REPORT_KINDS;
  const byKind = [
    ...REPORT_KINDS.map((k) => ({ key: k, label: KIND_LABELS[k]!, count: kinds.get(k) ?? 0 })),
    ...[...kinds].filter(([k]) => !known.includes(k)).map(([k, n]) => ({ key: k, label: k, count: n })),
  ];
  const byChannel = [...channels]
    .map(([key, count]) => ({ key, label: channelLabel(key), count }))
    .sort(byCountThenLabel);
  const byDepartment = [...departments]
    .map(([key, count]) => ({
      key,
      label: key === NONE ? NO_DEPARTMENT_LABEL : (names.get(key) ?? key),
      count,
    }))
    .sort(byCountThenLabel);
  return { total, byKind, byChannel, byDepartment };
}
