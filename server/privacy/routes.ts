import { type Context, Hono } from 'hono';
import type { PersonEraseAnswer, PersonExportAnswer } from '../../shared/console-privacy.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';
import { ApiError } from '../http/api-error.ts';
import { limitBody, SMALL_BODY } from '../http/body-limit.ts';
import { jsonBody } from '../http/json-body.ts';
import { actorOf, type ConsoleEnv, requireRole } from '../sessions/context.ts';
import { requireSession } from '../sessions/require-session.ts';
import { personKey } from './person-key.ts';
import { personErase, personExport } from './person-requests.ts';

const keyOf = (input: { email?: unknown; phone?: unknown }) => {
  const parsed = personKey(input);
  if ('errors' in parsed) throw new ApiError(422, 'validation', parsed.errors);
  return parsed.key;
};

/**
 * A person's data on his request, admins only (mounted under `/api/admin/persons`):
 * `GET /?email=…` or `?phone=…` everything stored about him, `POST /erase` with `{email}` or
 * `{phone}` erases it (the session's CSRF token, as every change). Both audited without the data.
 */
export function personsApi(deps: { db: Db; clock: Clock; config: Config }) {
  const guard = [requireSession(deps), requireRole('admin')] as const;
  const app = new Hono<ConsoleEnv>();
  const requester = (c: Context<ConsoleEnv>) => actorOf(c, deps.config.trustProxy);

  app.get('/', ...guard, async (c) => {
    const key = keyOf({ email: c.req.query('email'), phone: c.req.query('phone') });
    const answer: PersonExportAnswer = await personExport(deps.db, deps.clock, requester(c), key);
    return c.json(answer);
  });

  app.post('/erase', ...guard, limitBody(SMALL_BODY), async (c) => {
    const key = keyOf(await jsonBody(c));
    const answer: PersonEraseAnswer = await personErase(deps.db, deps.clock, requester(c), key);
    return c.json(answer);
  });

  return app;
}
