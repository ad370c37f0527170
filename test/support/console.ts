import { Hono } from 'hono';
import type { ConsoleUser } from '../../server/sessions/context.ts';
import { hashPassword } from '../../server/auth/password.ts';
import { auditApi } from '../../server/audit/routes.ts';
import { authApi } from '../../server/auth/routes.ts';
import { usersApi } from '../../server/users/routes.ts';
import type { Clock } from '../../server/clock.ts';
import type { Db } from '../../server/db/connection.ts';
import type { Role } from '../../server/db/schema.ts';
import { insertUser } from '../../server/users/store.ts';
import type { Config } from '../../server/env.ts';
import { onError } from '../../server/http/on-error.ts';

/** The password `createUser` gives when the test names none. */
export const TEST_PASSWORD = 'correct-horse-battery';

// A cheap scrypt cost keeps tests that create many users fast; the hash is self-describing, so
// sign-in verifies it with the same code path as a production hash.
const TEST_COST = { N: 2 ** 10, r: 8, p: 1 };

/**
 * Adds an active console user straight to the database (no HTTP, no audit entry).
 * @example const qms = await createUser(db, clock, { email: 'qms@example.ru', role: 'qms' });
 */
export async function createUser(
  db: Db,
  clock: Clock,
  opts: {
    email: string;
    role: Role;
    departmentId?: string | null;
    password?: string;
    name?: string;
    /** As after `user add` with a one-time password: only /password, /me and /logout answer. */
    mustChangePassword?: boolean;
  },
): Promise<{ id: string; email: string; password: string }> {
  const password = opts.password ?? TEST_PASSWORD;
  const id = await insertUser(db, clock, {
    email: opts.email,
    name: opts.name ?? opts.email.split('@')[0]!,
    role: opts.role,
    departmentId: opts.departmentId ?? null,
    passwordHash: await hashPassword(password, TEST_COST),
    mustChangePassword: opts.mustChangePassword ?? false,
  });
  return { id, email: opts.email.trim().toLowerCase(), password };
}

/** Anything with Hono's `request`: the whole app, or a test app mounting `authApi` at /api/admin. */
export interface RequestTarget {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

export interface ConsoleSession {
  /** `otklik_session=…`, ready for a Cookie header. */
  cookie: string;
  csrfToken: string;
  user: ConsoleUser;
  /**
   * `app.request` with the session's cookie and CSRF header added. `json` sets the body and
   * `Content-Type: application/json`. Headers given in `init` win, so a test can send a wrong token.
   */
  request(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

/**
 * Signs in through `POST /api/admin/login`, as the console does; throws when it fails.
 * @example const s = await signIn(app, qms.email, qms.password); const res = await s.request('/api/admin/me');
 */
export async function signIn(app: RequestTarget, email: string, password: string): Promise<ConsoleSession> {
  const res = await app.request('/api/admin/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`signIn(${email}) got ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { user: ConsoleUser; csrfToken: string };
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0]!;
  if (!cookie.startsWith('otklik_session=')) throw new Error(`signIn(${email}): no session cookie in ${setCookie}`);
  return {
    cookie,
    csrfToken: body.csrfToken,
    user: body.user,
    request: async (path, init = {}) => {
      const { json, ...rest } = init;
      const headers = new Headers({ Cookie: cookie, 'X-CSRF-Token': body.csrfToken });
      if (json !== undefined) headers.set('Content-Type', 'application/json');
      for (const [k, v] of new Headers(rest.headers)) headers.set(k, v);
      return app.request(path, { ...rest, headers, ...(json !== undefined && { body: JSON.stringify(json) }) });
    },
  };
}

/**
 * Just the sign-in, users and audit API at /api/admin with the project's error shape, for
 * tests that need no other route. `extra` mounts more console routes beside it.
 * @example const app = authTestApp({ db, clock, config }, (a) => a.route('/api/admin', consoleApi(deps)));
 */
export function authTestApp(deps: { db: Db; clock: Clock; config: Config }, extra?: (app: Hono) => void): Hono {
  const app = new Hono();
  app.route('/api/admin', authApi(deps));
  app.route('/api/admin/users', usersApi(deps));
  app.route('/api/admin/audit', auditApi(deps));
  extra?.(app);
  app.onError(onError);
  return app;
}
