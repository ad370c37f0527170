import type { MiddlewareHandler } from 'hono';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { ConsoleEnv, ConsoleUser } from '../sessions/context.ts';
import type { SubmissionRow } from '../submissions/store.ts';
import type { Db } from '../db/connection.ts';
import { ApiError } from '../http/api-error.ts';

/**
 * Which submissions a user may see: everything, or (a handler) only those of his department. A
 * handler without a department sees none.
 */
export type Scope = { all: true } | { all: false; departmentId: string | null };

export const scopeOf = (user: ConsoleUser): Scope =>
  user.role === 'handler' ? { all: false, departmentId: user.departmentId } : { all: true };

/** The condition on `submissions` a scope puts on every query; true for everything. */
export function scopeCondition(scope: Scope): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  if (scope.departmentId === null) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`submissions.department_id = ${scope.departmentId}`;
}

/**
 * The submission of that id when the user may see it. Anything else is a 404, the same as a
 * submission that doesn't exist: a handler learns nothing of other departments' messages.
 */
export async function visibleSubmission(db: Db, user: ConsoleUser, id: string) {
  const row = await db
    .selectFrom('submissions')
    .selectAll()
    .where('submissions.id', '=', id)
    .where(scopeCondition(scopeOf(user)))
    .executeTakeFirst();
  if (!row) throw new ApiError(404, 'not_found');
  return row;
}

/** A route on one submission, which `visibleFirst` has found: `c.var.submission`. */
export type SubmissionEnv = { Variables: ConsoleEnv['Variables'] & { submission: SubmissionRow } };

/**
 * Finds the route's `:id` among the submissions the user may see before anything else is read of
 * the request: an unknown id is a 404 whatever its body, as it was before bodies were checked by
 * a validator placed after this.
 * @example app.patch('/:id', writers, visibleFirst(db), anyFields(), (c) => c.var.submission)
 */
export const visibleFirst =
  (db: Db): MiddlewareHandler<SubmissionEnv> =>
  async (c, next) => {
    c.set('submission', await visibleSubmission(db, c.var.user, c.req.param('id') ?? ''));
    await next();
  };
