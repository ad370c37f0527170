import type { Context, MiddlewareHandler } from 'hono';
import type { ConsoleUser, Role } from '../../shared/console-types.ts';
import { ApiError } from '../http/api-error.ts';
import { clientIp } from '../http/client-ip.ts';

export type { ConsoleUser };

/** Hono variables set by `requireSession`. */
export type ConsoleEnv = { Variables: { user: ConsoleUser; sessionId: string; csrfToken: string } };

/**
 * Lets only these roles through (403 otherwise). Use after `requireSession`.
 * @example app.post('/users', requireRole('admin'), handler)
 */
export function requireRole(...roles: Role[]): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    if (!roles.includes(c.var.user.role)) throw new ApiError(403, 'forbidden');
    await next();
  };
}

/** Roles that may change submissions, moderate and edit the directory. */
export const EDITORS: Role[] = ['admin', 'qms'];

/** Who makes a change, from where: for the history and the audit log. */
export interface Actor {
  user: ConsoleUser;
  ip: string | null;
}

/** The signed-in user of a console request and his IP. */
export const actorOf = <E extends ConsoleEnv>(c: Context<E>, trustProxy: boolean): Actor => ({
  user: c.var.user,
  ip: clientIp(c, trustProxy),
});
