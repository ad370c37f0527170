import type { PeriodFigures } from '../../shared/console-reports.ts';
import type { Db } from '../db/connection.ts';
import { channelLabel } from '../mail/templates/format.ts';
import { byCountThenLabel, KIND_LABELS, NO_DEPARTMENT_LABEL, NONE, num, REPORT_KINDS } from './report-labels.ts';

/**
 * Feedback and ratings received in [from, end) (`submissions.created_at`) by kind, channel and
 * department: one GROUP BY over the three in SQL (a few dozen groups), folded here. Kinds are
 * always all four; channels and departments only those with any.
 */
export async function receivedCounts(
  db: Db,
  range: { from: string; end: string },
  departmentId: string | null,
  names: Map<string, string>,
): Promise<PeriodFigures['received']> {
  const rows = await db
    .selectFrom('submissions')
    .select(['kind', 'channel', 'department_id as departmentId', (eb) => eb.fn.countAll().as('n')])
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.end)
    .$if(departmentId !== null, (qb) => qb.where('department_id', '=', departmentId))
    .groupBy(['kind', 'channel', 'department_id'])
    .execute();
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
    add(departments, r.departmentId ?? NONE, n);
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
