import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { PersonEraseAnswer, PersonExportAnswer } from '../../shared/console-privacy.ts';
import type { Clock } from '../clock.ts';
import { type Db, forgetOldPages } from '../db/connection.ts';
import { mergeAfterErase } from '../db/search-indexes.ts';
import type { Config } from '../env.ts';
import { limitBody, SMALL_BODY } from '../http/body-limit.ts';
import { validJson, validQuery } from '../http/validate.ts';
import { actorOf, type ConsoleEnv, requireRole } from '../sessions/context.ts';
import { requireSession } from '../sessions/require-session.ts';
import { personKey } from './person-key.ts';
import { pruneMailCopies } from './mail-copies.ts';
import { personErase, personExport } from './person-requests.ts';

/** Whom a request is about, by the same rule as the CLI's `--email`/`--phone` (person-key.ts). */
const PERSON_FIELDS = { email: z.unknown().optional(), phone: z.unknown().optional() };
/** A person by e-mail or phone, as `personKey` reads him; zod's own issues name any other field. */
const toKey = (input: { email?: unknown; phone?: unknown }, ctx: z.RefinementCtx) => {
  const parsed = personKey(input);
  if ('key' in parsed) return parsed.key;
  for (const [field, code] of Object.entries(parsed.errors))
    ctx.addIssue({ code: 'custom', message: code, path: [field] });
  return z.NEVER;
};
// The query may carry what a browser or a proxy adds; an erase names only its person.
const PERSON = z.object(PERSON_FIELDS).transform(toKey);
const PERSON_TO_ERASE = z.strictObject(PERSON_FIELDS).transform(toKey);

/**
 * A person's data on his request, admins only (mounted under `/api/admin/persons`):
 * `GET /?email=…` or `?phone=…` everything stored about him, `POST /erase` with `{email}` or
 * `{phone}` erases it (the session's CSRF token, as every change). Both audited without the data.
 */
export function personsApi(deps: { db: Db; clock: Clock; config: Config }) {
  const guard = [requireSession(deps), requireRole('admin')] as const;
  const app = new Hono<ConsoleEnv>();
  const requester = (c: Context<ConsoleEnv>) => actorOf(c, deps.config.trustProxy);

  app.get('/', ...guard, validQuery(PERSON), async (c) => {
    const answer: PersonExportAnswer = await personExport(deps.db, deps.clock, requester(c), c.req.valid('query'));
    return c.json(answer);
  });

  app.post('/erase', ...guard, limitBody(SMALL_BODY), validJson(PERSON_TO_ERASE), async (c) => {
    const answer: PersonEraseAnswer = await personErase(deps.db, deps.clock, requester(c), c.req.valid('json'));
    await pruneMailCopies(deps.db, deps.config);
    // His words among the search index's inner keys, then the WAL's older page images: the
    // server reads on this one connection, so nothing holds them.
    await mergeAfterErase(deps.db);
    await forgetOldPages(deps.db);
    return c.json(answer);
  });

  return app;
}
