import type { Context } from 'hono';
import { type Period, parsePeriod } from '../../shared/report-periods.ts';
import type { Db } from '../db/connection.ts';
import { NO_DEPARTMENT_LABEL, NONE } from './report-labels.ts';
import { z } from 'zod';
import { ApiError } from '../http/api-error.ts';
import { validQuery } from '../http/validate.ts';
import type { ConsoleEnv } from '../sessions/context.ts';

/** What a report is asked for: its period and the department it is narrowed to (null: the whole company). */
export interface ReportRequest {
  period: Period;
  department: { id: string; name: string } | null;
}

/** A report's period in the query: `week` only a week; `period` a month, quarter or year; none is `required`. */
const periodIn = (param: 'week' | 'period') =>
  z
    .string({ error: 'required' })
    .trim()
    .transform((text, ctx) => {
      if (!text) {
        ctx.addIssue({ code: 'custom', message: 'required' });
        return z.NEVER;
      }
      const period = parsePeriod(text);
      const fits = param === 'week' ? period?.kind === 'week' : period !== null && period.kind !== 'week';
      if (period && fits) return period;
      ctx.addIssue({ code: 'custom', message: 'invalid' });
      return z.NEVER;
    });

const department = z.string().trim().optional();

/** The weekly control's query, checked by the console's validator: `week` (422 `week`) and `department`. */
export const weekQuery = validQuery(z.object({ week: periodIn('week'), department }));

/** The analysis's query: `period` (422 `period`) and `department`. */
export const periodQuery = validQuery(z.object({ period: periodIn('period'), department }));

/**
 * The department a report is narrowed to, or `none`: the complaints in no department. A handler
 * always gets his own department, whatever he asks (one without a department: 403); a department
 * that doesn't exist is 422 `department`.
 * @example const { period, department } = await reportRequest(c, db, c.req.valid('query').week, c.req.valid('query').department)
 */
export async function reportRequest(
  c: Context<ConsoleEnv>,
  db: Db,
  period: Period,
  askedDepartment: string | undefined,
): Promise<ReportRequest> {
  const user = c.get('user');
  const asked = user.role === 'handler' ? user.departmentId : askedDepartment || null;
  if (user.role === 'handler' && asked === null) throw new ApiError(403, 'forbidden');
  if (asked === null) return { period, department: null };
  // The complaints no department has yet, as the inbox's `department=none` and the reports' own row.
  if (asked === NONE && user.role !== 'handler') return { period, department: { id: NONE, name: NO_DEPARTMENT_LABEL } };
  const found = await db.selectFrom('departments').select(['id', 'name']).where('id', '=', asked).executeTakeFirst();
  if (!found) throw new ApiError(422, 'validation', { department: 'invalid' });
  return { period, department: found };
}
