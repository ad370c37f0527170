import type { Logger } from '../ops/logger.ts';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { SessionAnswer } from '../../shared/console-types.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';
import { recordAudit } from '../audit/record.ts';
import { ApiError } from '../http/api-error.ts';
import { requestMeta } from '../http/request-meta.ts';
import { z } from 'zod';
import { passwordField, textField } from '../../shared/console-fields.ts';
import { changePassword } from './change-password.ts';
import type { ConsoleEnv } from '../sessions/context.ts';
import { validJson } from '../http/validate.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from './password.ts';
import { requireSession } from '../sessions/require-session.ts';
import { fromOwnOrigin } from './same-origin.ts';
import { clearSessionCookie, setSessionCookie } from '../sessions/session-cookie.ts';
import { deleteSession, deleteSessionOfToken, SESSION_COOKIE } from '../sessions/sessions.ts';
import { signIn } from './sign-in.ts';
import { deviceClaim, setDeviceCookie } from './device.ts';
import { SMALL_BODY, limitBody } from '../http/body-limit.ts';

export interface AuthDeps {
  db: Db;
  clock: Clock;
  config: Config;
  /** The server's log; none in tests. */
  logger?: Logger | undefined;
}

const LOGIN = z.strictObject({
  email: textField({ max: 254, required: true }),
  password: passwordField(1, PASSWORD_MAX),
});
// Too short is `invalid`: the console states the rule next to the field.
const CHANGE = z.strictObject({
  current: passwordField(1, PASSWORD_MAX),
  next: passwordField(PASSWORD_MIN, PASSWORD_MAX),
});

const small = limitBody(SMALL_BODY);

/**
 * The console's sign-in, sign-out, who am I and password change, mounted at `/api/admin`. Each route names its
 * own middleware (no `use('*')`), so other console routes mounted at the same prefix are untouched.
 */
export function authApi(deps: AuthDeps) {
  const { db, clock, config } = deps;
  const session = requireSession({ db, clock });
  const meta = (c: Context) => requestMeta(c, config.trustProxy);
  const app = new Hono<ConsoleEnv>();

  // Before the body is read: a sign-in from another site is refused whatever it sends.
  const ownOrigin: MiddlewareHandler = async (c, next) => {
    if (!fromOwnOrigin(c, config.publicUrl)) throw new ApiError(403, 'csrf');
    await next();
  };

  app.post('/login', small, ownOrigin, validJson(LOGIN), async (c) => {
    const { email, password } = c.req.valid('json');
    const result = await signIn(db, clock, { email, password, device: deviceClaim(c), ...meta(c) }, deps.logger);
    if (result.status === 'locked') {
      c.header('Retry-After', String(Math.max(1, Math.ceil((result.until.getTime() - clock.now().getTime()) / 1000))));
      throw new ApiError(429, 'locked');
    }
    if (result.status === 'bad_credentials') throw new ApiError(401, 'bad_credentials');
    const brought = getCookie(c, SESSION_COOKIE);
    if (brought) await deleteSessionOfToken(db, brought);
    setSessionCookie(c, config.publicUrl, result.token);
    setDeviceCookie(c, config.publicUrl, result.deviceCookie);
    const answer: SessionAnswer = { user: result.user, csrfToken: result.csrfToken };
    return c.json(answer);
  });

  app.post('/logout', session, async (c) => {
    await deleteSession(db, c.var.sessionId);
    await recordAudit(db, clock, {
      user: { id: c.var.user.id, email: c.var.user.email },
      action: 'auth.sign_out',
      ip: meta(c).ip,
    });
    clearSessionCookie(c, config.publicUrl);
    return c.body(null, 204);
  });

  app.get('/me', session, (c) => {
    const answer: SessionAnswer = { user: c.var.user, csrfToken: c.var.csrfToken };
    return c.json(answer);
  });

  app.post('/password', session, small, validJson(CHANGE), async (c) => {
    const r = await changePassword(
      db,
      clock,
      { user: c.var.user, sessionId: c.var.sessionId, ip: meta(c).ip },
      c.req.valid('json'),
      deps.logger,
    );
    if (r) {
      c.header('Retry-After', String(Math.max(1, Math.ceil((r.lockedUntil.getTime() - clock.now().getTime()) / 1000))));
      throw new ApiError(429, 'locked');
    }
    return c.body(null, 204);
  });

  return app;
}
