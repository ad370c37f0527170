import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { ApiError } from '../http/api-error.ts';
import type { ConsoleEnv } from './context.ts';
import { SESSION_COOKIE, touchSession } from './sessions.ts';
import { sameSecret } from './same-secret.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Admits a request with a live session cookie (401 otherwise) and sets `c.var.user`. Every
 * state-changing request must also carry the session's CSRF token in `X-CSRF-Token` (403
 * otherwise): a cookie alone, which another site can make the browser send, is never enough.
 * A user who must change his password may only do that (and read who he is, or sign out): anything
 * else is a 403 `password_change_required` saying so, not a lack of rights he doesn't have.
 */
export function requireSession(deps: { db: Db; clock: Clock }): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await touchSession(deps.db, deps.clock, token) : undefined;
    if (!session) throw new ApiError(401, 'unauthorized');
    if (!SAFE.has(c.req.method) && !sameSecret(c.req.header('x-csrf-token') ?? '', session.csrf_token))
      throw new ApiError(403, 'csrf');
    c.set('user', {
      id: session.id,
      email: session.email,
      name: session.name,
      role: session.role,
      departmentId: session.department_id,
      mustChangePassword: session.must_change_password === 1,
    });
    c.set('sessionId', session.sessionId);
    c.set('csrfToken', session.csrf_token);
    if (session.must_change_password === 1 && !/^\/api\/admin\/(password|me|logout)$/.test(c.req.path))
      throw new ApiError(403, 'password_change_required');
    await next();
  };
}
