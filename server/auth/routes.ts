import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';
import { recordAudit } from '../console/audit.ts';
import { auditApi } from '../console/audit-routes.ts';
import { usersApi } from '../console/users-routes.ts';
import { ApiError } from '../http/api-error.ts';
import { clientIp } from '../http/client-ip.ts';
import { text, validate } from '../../shared/rules.ts';
import { changePassword } from './change-password.ts';
import type { ConsoleEnv } from './context.ts';
import { jsonBody } from './json-body.ts';
import { PASSWORD_MIN } from './password.ts';
import { password } from './password-rules.ts';
import { requireSession } from './require-session.ts';
import { fromOwnOrigin } from './same-origin.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import { deleteSession } from './sessions.ts';
import { signIn } from './sign-in.ts';

export interface AuthDeps {
  db: Db;
  clock: Clock;
  config: Config;
}

const LOGIN = { email: text({ max: 254, required: true }), password: password() };
const CHANGE = { current: password(), next: password(PASSWORD_MIN) };

const small = bodyLimit({
  maxSize: 16 * 1024,
  onError: () => {
    throw new ApiError(413, 'too_large');
  },
});

/**
 * The console's sign-in, users and audit log, mounted at `/api/admin`. Each route names its
 * own middleware (no `use('*')`), so other console routes mounted at the same prefix are untouched.
 */
export function authApi(deps: AuthDeps) {
  const { db, clock, config } = deps;
  const session = requireSession({ db, clock });
  const ip = (c: Parameters<typeof clientIp>[0]) => clientIp(c, config.trustProxy);
  const app = new Hono<ConsoleEnv>();

  app.post('/login', small, async (c) => {
    if (!fromOwnOrigin(c, config.publicUrl)) throw new ApiError(403, 'csrf');
    const parsed = validate(LOGIN, await jsonBody(c));
    if (!parsed.success) throw new ApiError(422, 'validation', parsed.errors);
    const result = await signIn(db, clock, {
      email: parsed.data.email,
      password: parsed.data.password,
      ip: ip(c),
      userAgent: c.req.header('user-agent')?.slice(0, 500) ?? null,
    });
    if (result.status === 'locked') {
      c.header('Retry-After', String(Math.max(1, Math.ceil((result.until.getTime() - clock.now().getTime()) / 1000))));
      throw new ApiError(429, 'locked');
    }
    if (result.status === 'bad_credentials') throw new ApiError(401, 'bad_credentials');
    setSessionCookie(c, config.publicUrl, result.token);
    c.header('Cache-Control', 'no-store');
    return c.json({ user: result.user, csrfToken: result.csrfToken });
  });

  app.post('/logout', session, async (c) => {
    await deleteSession(db, c.var.sessionId);
    await recordAudit(db, clock, {
      user: { id: c.var.user.id, email: c.var.user.email },
      action: 'auth.sign_out',
      ip: ip(c),
    });
    clearSessionCookie(c, config.publicUrl);
    return c.body(null, 204);
  });

  app.get('/me', session, (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ user: c.var.user, csrfToken: c.var.csrfToken });
  });

  app.post('/password', session, small, async (c) => {
    const parsed = validate(CHANGE, await jsonBody(c));
    if (!parsed.success) throw new ApiError(422, 'validation', parsed.errors);
    const r = await changePassword(db, clock, { user: c.var.user, sessionId: c.var.sessionId, ip: ip(c) }, parsed.data);
    if (r) {
      c.header('Retry-After', String(Math.max(1, Math.ceil((r.lockedUntil.getTime() - clock.now().getTime()) / 1000))));
      throw new ApiError(429, 'locked');
    }
    return c.body(null, 204);
  });

  app.route('/users', usersApi(deps));
  app.route('/audit', auditApi({ db, clock }));
  return app;
}
