import { type Context, Hono } from 'hono';
import type { OneTimePasswordAnswer, UserAnswer, UsersAnswer } from '../../shared/console-users.ts';
import { actorOf, type ConsoleEnv, requireRole } from '../sessions/context.ts';
import { validJson } from '../http/validate.ts';
import { NEW_USER, USER_CHANGES } from '../../shared/console-user-input.ts';
import { requireSession } from '../sessions/require-session.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';
import { createConsoleUser, resetUserPassword, updateConsoleUser } from './changes.ts';
import { listUsers } from './store.ts';
import { SMALL_BODY, limitBody } from '../http/body-limit.ts';

/**
 * Console users, admins only: `GET /`, `POST /` (→ a one-time password), `PATCH /:id`,
 * `POST /:id/reset-password` (a new one-time password). Mounted under `/api/admin/users`.
 */
export function usersApi(deps: { db: Db; clock: Clock; config: Config }) {
  const { db, clock } = deps;
  const guard = [requireSession({ db, clock }), requireRole('admin')] as const;
  const small = limitBody(SMALL_BODY);
  const app = new Hono<ConsoleEnv>();
  const actor = (c: Context<ConsoleEnv>) => actorOf(c, deps.config.trustProxy);

  app.get('/', ...guard, async (c) => {
    const answer: UsersAnswer = { items: await listUsers(db) };
    return c.json(answer);
  });

  app.post('/', ...guard, small, validJson(NEW_USER), async (c) => {
    const d = c.req.valid('json');
    const input = { email: d.email.toLowerCase(), name: d.name, role: d.role, departmentId: d.departmentId ?? null };
    const answer: OneTimePasswordAnswer = await createConsoleUser(db, clock, actor(c), input);
    return c.json(answer, 201);
  });

  app.patch('/:id', ...guard, small, validJson(USER_CHANGES), async (c) => {
    const changes = c.req.valid('json');
    const answer: UserAnswer = { user: await updateConsoleUser(db, clock, actor(c), c.req.param('id'), changes) };
    return c.json(answer);
  });

  // Not `/:id/password`: requireSession lets a user who must change his own password reach any
  // path ending in /password.
  app.post('/:id/reset-password', ...guard, async (c) => {
    const answer: OneTimePasswordAnswer = await resetUserPassword(db, clock, actor(c), c.req.param('id'));
    return c.json(answer);
  });

  return app;
}
