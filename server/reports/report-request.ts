import type { Context } from 'hono';
import { type Period, parsePeriod } from '../../shared/report-periods.ts';
import type { Db } from '../db/connection.ts';
import { ApiError } from '../http/api-error.ts';
import type { ConsoleEnv } from '../sessions/context.ts';

/** What a report is asked for: its period and the department it is narrowed to (null: the whole company). */
export interface ReportRequest {
  period: Period;
  department: { id: string; name: string } | null;
}

/**
 * Reads a report's query: the period from `param` (`week` for the weekly control: only a week;
 * `period` for the analysis: a month, quarter or year) and `department`. A handler always gets
 * his own department, whatever he asks (one without a department: 403); a department that
 * doesn't exist is 422 `department`.
 * @example const { period, department } = await readReportRequest(c, db, 'week')
 */
export async function readReportRequest(
  c: Context<ConsoleEnv>,
  db: Db,
  param: 'week' | 'period',
): Promise<ReportRequest> {
  const period = parsePeriod(c.req.query(param)?.trim() ?? '');
  const fits = param === 'week' ? period?.kind === 'week' : period !== null && period.kind !== 'week';
  if (!period || !fits) throw new ApiError(422, 'validation', { [param]: 'invalid' });
  const user = c.get('user');
  const asked = user.role === 'handler' ? user.departmentId : c.req.query('department')?.trim() || null;
  if (user.role === 'handler' && asked === null) throw new ApiError(403, 'forbidden');
  if (asked === null) return { period, department: null };
  const department = await db
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('id', '=', asked)
    .executeTakeFirst();
  if (!department) throw new ApiError(422, 'validation', { department: 'invalid' });
  return { period, department };
}
