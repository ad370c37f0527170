import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type ConsoleEnv, requireRole } from '../auth/context.ts';
import { jsonBody } from '../auth/json-body.ts';
import { requireSession } from '../auth/require-session.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';
import { ApiError } from '../http/api-error.ts';
import { clientIp } from '../http/client-ip.ts';
import { createConsoleUser, resetUserPassword, updateConsoleUser } from './users-changes.ts';
import { parseNewUser, parseUserChanges } from './users-input.ts';
import { listUsers } from './users-store.ts';

/**
 * Console users, admins only: `GET /`, `POST /` (→ a one-time password), `PATCH /:id`,
 * `POST /:id/reset-password` (a new one-time password). Mounted under `/api/admin/users`.
 */
export function usersApi(deps: { db: Db; clock: Clock; config: Config }) {
  const { db, clock } = deps;
  const guard = [requireSession({ db, clock }), requireRole('admin')] as const;
  const small = bodyLimit({
    maxSize: 16 * 1024,
    onError: () => {
      throw new ApiError(413, 'too_large');
    },
  });
  const app = new Hono<ConsoleEnv>();
  const actor = (c: Context<ConsoleEnv>) => ({
    user: { id: c.var.user.id, email: c.var.user.email },
    ip: clientIp(c, deps.config.trustProxy),
  });

  app.get('/', ...guard, async (c) => c.json({ items: await listUsers(db) }));

  app.post('/', ...guard, small, async (c) => {
    const input = parseNewUser(await jsonBody(c));
    return c.json(await createConsoleUser(db, clock, actor(c), input), 201);
  });

  app.patch('/:id', ...guard, small, async (c) => {
    const changes = parseUserChanges(await jsonBody(c));
    return c.json({ user: await updateConsoleUser(db, clock, actor(c), c.req.param('id'), changes) });
  });

  // Not `/:id/password`: requireSession lets a user who must change his own password reach any
  // path ending in /password.
  app.post('/:id/reset-password', ...guard, async (c) =>
    c.json(await resetUserPassword(db, clock, actor(c), c.req.param('id'))),
  );

  return app;
}
