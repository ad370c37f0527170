import { type RawBuilder, sql } from 'kysely';
import type { PeriodFigures, RatingSummary } from '../../shared/console-reports.ts';
import type { Period } from '../../shared/report-periods.ts';
import type { Db } from '../db/connection.ts';
import { companyDayStart } from '../company-day.ts';
import { byCountThenLabel, num, sameDepartment } from './report-labels.ts';

/** The months of a period (`YYYY-MM`) and the instant each one begins in the company's zone. */
export function periodMonths(period: Period): Array<{ month: string; start: string }> {
  const months: Array<{ month: string; start: string }> = [];
  let [y, m] = [Number(period.from.slice(0, 4)), Number(period.from.slice(5, 7))];
  for (let month = period.from.slice(0, 7); month <= period.to.slice(0, 7); ) {
    months.push({ month, start: companyDayStart(`${month}-01`) });
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
    month = `${y}-${String(m).padStart(2, '0')}`;
  }
  return months;
}

/** The index of the month a rating fell in, as SQL: a month starts at midnight in Moscow, not in UTC. */
function monthIndex(starts: string[]): RawBuilder<number> {
  if (starts.length <= 1) return sql<number>`0`;
  const branches = starts.slice(1).map((s, i) => sql`when submissions.created_at < ${s} then ${sql.lit(i)}`);
  return sql<number>`case ${sql.join(branches, sql` `)} else ${sql.lit(starts.length - 1)} end`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

interface Tally {
  scores: [number, number, number, number, number];
  months: Array<{ count: number; sum: number }>;
}

/**
 * Ratings received in [from, end) per employee, department and subject: count, average,
 * scores 1–5 and the trend by month. One GROUP BY in SQL by target, month and score (a few
 * hundred groups a year), folded here. A rating of an employee counts for him and for his
 * department; a subject's rating (a service, the site) for the subject.
 */
export async function ratingSummaries(
  db: Db,
  period: Period,
  range: { from: string; end: string },
  departmentId: string | null,
  departmentNames: Map<string, string>,
): Promise<PeriodFigures['ratings']> {
  const months = periodMonths(period);
  const rows = await db
    .selectFrom('submissions')
    .select([
      'employee_id as employeeId',
      'department_id as departmentId',
      'subject',
      monthIndex(months.map((m) => m.start)).as('m'),
      'score',
      (eb) => eb.fn.countAll().as('n'),
    ])
    .where('type', '=', 'rating')
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.end)
    .$if(departmentId !== null, (qb) => qb.where(sameDepartment('department_id', departmentId!)))
    .groupBy(['employee_id', 'department_id', 'subject', sql`m`, 'score'])
    .execute();

  const tallies = {
    employees: new Map<string, Tally>(),
    departments: new Map<string, Tally>(),
    subjects: new Map<string, Tally>(),
  };
  const add = (map: Map<string, Tally>, key: string, month: number, score: number, n: number) => {
    let t = map.get(key);
    if (!t) {
      t = { scores: [0, 0, 0, 0, 0], months: months.map(() => ({ count: 0, sum: 0 })) };
      map.set(key, t);
    }
    if (score >= 1 && score <= 5) t.scores[score - 1]! += n;
    t.months[month]!.count += n;
    t.months[month]!.sum += score * n;
  };
  for (const r of rows) {
    const [month, score, n] = [num(r.m), num(r.score), num(r.n)];
    if (r.subject === 'employee' && r.employeeId) add(tallies.employees, r.employeeId, month, score, n);
    else if (r.subject && r.subject !== 'employee') add(tallies.subjects, r.subject, month, score, n);
    if (r.departmentId) add(tallies.departments, r.departmentId, month, score, n);
  }

  const employeeIds = [...tallies.employees.keys()];
  const employees = employeeIds.length
    ? await db.selectFrom('employees').select(['id', 'slug', 'name']).where('id', 'in', employeeIds).execute()
    : [];
  const subjects = await db.selectFrom('rating_subjects').select(['slug', 'title']).execute();
  const summarize = (map: Map<string, Tally>, name: (key: string) => { key: string; label: string }) =>
    [...map]
      .map(([id, t]): RatingSummary => {
        const count = t.months.reduce((s, m) => s + m.count, 0);
        const sum = t.months.reduce((s, m) => s + m.sum, 0);
        return {
          ...name(id),
          count,
          average: count ? round2(sum / count) : null,
          scores: t.scores,
          byMonth: t.months.map((m, i) => ({
            month: months[i]!.month,
            count: m.count,
            average: m.count ? round2(m.sum / m.count) : null,
          })),
        };
      })
      .sort(byCountThenLabel);
  return {
    employees: summarize(tallies.employees, (id) => {
      const e = employees.find((x) => x.id === id);
      return { key: e?.slug ?? id, label: e?.name ?? id };
    }),
    departments: summarize(tallies.departments, (id) => ({ key: id, label: departmentNames.get(id) ?? id })),
    subjects: summarize(tallies.subjects, (slug) => ({
      key: slug,
      label: subjects.find((s) => s.slug === slug)?.title ?? slug,
    })),
  };
}
