import { afterEach, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDb, type TestDb } from '../../test/support/databases.ts';
import { authTestApp, createUser, signIn } from '../../test/support/console.ts';
import { fakeClock } from '../../test/support/test-app.ts';
import { loadConfig } from '../env.ts';

const MINUTE = 60_000;

describe.each(DB_KINDS)('console sign-in (%s)', (kind) => {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function setup(env: Record<string, string> = {}) {
    t = await openTestDb(kind);
    const clock = fakeClock();
    const config = loadConfig({ DATA_DIR: '/tmp/otklik-unused', ...env });
    const app = authTestApp({ db: t.db, clock, config });
    // app.request's third argument stands in for the Node socket clientIp reads.
    const login = (body: unknown, opts: { ip?: string; origin?: string } = {}) =>
      app.request(
        '/api/admin/login',
        {
          method: 'POST',
          body: JSON.stringify(body),
          headers: { 'Content-Type': 'application/json', ...(opts.origin && { Origin: opts.origin }) },
        },
        { incoming: { socket: { remoteAddress: opts.ip ?? '198.51.100.7' } } },
      );
    const audit = (action: string) =>
      t!.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('at').execute();
    return { app, db: t.db, clock, login, audit };
  }

  it('takes a password exactly as typed, spaces and invisible characters too', async () => {
    const { db, clock, login } = await setup();
    for (const [i, password] of [' '.repeat(12), '\u3164'.repeat(12)].entries()) {
      const u = await createUser(db, clock, { email: `spaces${i}@example.ru`, role: 'qms', password });
      expect((await login({ email: u.email, password })).status, JSON.stringify(password)).toBe(200);
    }
  });

  it('signs in: the user, a CSRF token and an HttpOnly, SameSite=Lax session cookie', async () => {
    const { app, db, clock, login, audit } = await setup();
    const qms = await createUser(db, clock, { email: 'smk@example.ru', role: 'qms', name: 'Анна Смирнова' });
    const res = await login({ email: ' SMK@Example.ru ', password: qms.password });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toEqual({
      id: qms.id,
      email: 'smk@example.ru',
      name: 'Анна Смирнова',
      role: 'qms',
      departmentId: null,
      mustChangePassword: false,
    });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^otklik_session=[\w-]{40,};/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Secure/i);

    const me = await app.request('/api/admin/me', { headers: { Cookie: cookie.split(';')[0]! } });
    expect(await me.json()).toEqual({ user: body.user, csrfToken: body.csrfToken });
    expect((await audit('auth.sign_in')).map((a) => a.user_id)).toEqual([qms.id]);
  });

  it('marks the cookie Secure when PUBLIC_URL is https', async () => {
    const { app, db, clock, login } = await setup({ PUBLIC_URL: 'https://feedback.example.ru' });
    const u = await createUser(db, clock, { email: 'a@example.ru', role: 'admin' });
    const res = await login({ email: u.email, password: u.password });
    expect(res.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^otklik_session=.*; Secure/),
      expect.stringMatching(/^otklik_device=.*; Secure/),
    ]);
    // Clearing it at sign-out names the same attributes, or the browser keeps the original.
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = await res.json();
    const out = await app.request('/api/admin/logout', {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken },
    });
    expect(out.status).toBe(204);
    for (const attribute of [/; Secure/, /; HttpOnly/i, /; SameSite=Lax/i, /Max-Age=0/]) {
      expect(out.headers.get('set-cookie')).toMatch(attribute);
    }
  });

  it('answers a wrong password and an unknown e-mail alike: 401 bad_credentials, no cookie', async () => {
    const { db, clock, login, audit } = await setup();
    const u = await createUser(db, clock, { email: 'a@example.ru', role: 'qms' });
    const wrong = await login({ email: u.email, password: 'not-the-password' });
    const unknown = await login({ email: 'nobody@example.ru', password: 'not-the-password' });
    // A password typed into the e-mail field by mistake.
    const slip = await login({ email: 'Secret-Passw0rd-2026', password: 'x' });
    expect([wrong.status, unknown.status, slip.status]).toEqual([401, 401, 401]);
    const [a, b] = [await wrong.json(), await unknown.json()];
    expect(a).toEqual(b);
    expect(a.error.code).toBe('bad_credentials');
    expect(a.error.message).toBe('Неверный e-mail или пароль');
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const failed = await audit('auth.sign_in_failed');
    expect(failed.map((f) => JSON.parse(f.details))).toEqual([
      { email: 'a@example.ru', reason: 'wrong_password' },
      // Text that is no account's is kept masked, without a hash a dictionary would undo.
      { email: 'n*****@example.ru', reason: 'unknown_email' },
      { email: '************', reason: 'unknown_email' },
    ]);
    expect(JSON.stringify(failed)).not.toContain('Secret-Passw0rd');
  });

  it('names missing fields in a 422, in English when asked', async () => {
    const { app } = await setup();
    const res = await app.request('/api/admin/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en' },
      body: JSON.stringify({ email: '' }),
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.message).toBe('Please check the form fields');
    expect(Object.keys(body.error.fields).sort()).toEqual(['email', 'password']);
  });

  it('locks an account for 15 minutes after 5 failures: even the right password gets 429 until then', async () => {
    const { db, clock, login, audit } = await setup();
    const u = await createUser(db, clock, { email: 'a@example.ru', role: 'qms' });
    for (let i = 0; i < 5; i++) {
      // From different addresses: the account's own limit, not the address's.
      expect((await login({ email: u.email, password: `guess-${i}` }, { ip: `203.0.113.${i}` })).status).toBe(401);
    }
    const locked = await login({ email: u.email, password: u.password }, { ip: '203.0.113.99' });
    expect(locked.status).toBe(429);
    expect((await locked.json()).error.code).toBe('locked');
    expect(Number(locked.headers.get('retry-after'))).toBe(15 * 60);
    expect(locked.headers.get('set-cookie')).toBeNull();
    expect(await audit('auth.locked')).toHaveLength(1);

    clock.advance(10 * MINUTE);
    const still = await login({ email: u.email, password: u.password });
    expect(still.status).toBe(429);
    expect(Number(still.headers.get('retry-after'))).toBe(5 * 60);

    clock.advance(5 * MINUTE);
    expect((await login({ email: u.email, password: u.password })).status).toBe(200);
    // Another account from the same addresses was never affected.
    const other = await createUser(db, clock, { email: 'b@example.ru', role: 'qms' });
    expect((await login({ email: other.email, password: other.password }, { ip: '203.0.113.0' })).status).toBe(200);
  });

  it("forgets an account's failures after a successful sign-in and after the 15-minute window", async () => {
    const { db, clock, login } = await setup();
    const u = await createUser(db, clock, { email: 'a@example.ru', role: 'qms' });
    const fail = async (n: number) => {
      for (let i = 0; i < n; i++) expect((await login({ email: u.email, password: 'wrong-one' })).status).toBe(401);
    };
    await fail(4);
    expect((await login({ email: u.email, password: u.password })).status).toBe(200);
    await fail(4);
    clock.advance(16 * MINUTE);
    await fail(4);
    expect((await login({ email: u.email, password: u.password })).status).toBe(200);
  });

  it('locks an address after 20 failures across accounts, unknown ones included', async () => {
    const { db, clock, login, audit } = await setup();
    const u = await createUser(db, clock, { email: 'a@example.ru', role: 'qms' });
    for (let i = 0; i < 20; i++)
      expect((await login({ email: `guess${i}@example.ru`, password: 'password1' }, { ip: '192.0.2.66' })).status).toBe(
        401,
      );
    expect((await login({ email: u.email, password: u.password }, { ip: '192.0.2.66' })).status).toBe(429);
    expect((await login({ email: u.email, password: u.password }, { ip: '192.0.2.67' })).status).toBe(200);
    const locks = (await audit('auth.locked')).map((a) => JSON.parse(a.details));
    expect(locks).toEqual([expect.objectContaining({ scope: 'ip', address: '192.0.2.66' })]);
    clock.advance(15 * MINUTE);
    expect((await login({ email: u.email, password: u.password }, { ip: '192.0.2.66' })).status).toBe(200);
  });

  it('refuses a sign-in posted from another site (login CSRF) and accepts its own origin', async () => {
    const { db, clock, login } = await setup({ PUBLIC_URL: 'https://feedback.example.ru' });
    const u = await createUser(db, clock, { email: 'a@example.ru', role: 'qms' });
    const evil = await login({ email: u.email, password: u.password }, { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect((await evil.json()).error.code).toBe('csrf');
    expect(evil.headers.get('set-cookie')).toBeNull();
    expect((await login({ email: u.email, password: u.password }, { origin: 'null' })).status).toBe(403);
    expect(
      (await login({ email: u.email, password: u.password }, { origin: 'https://feedback.example.ru' })).status,
    ).toBe(200);
    // The host the request came to also counts (a console opened by its internal name, or
    // behind a proxy that ends TLS), but not another host, nor a port of it.
    expect((await login({ email: u.email, password: u.password }, { origin: 'http://localhost' })).status).toBe(200);
    expect((await login({ email: u.email, password: u.password }, { origin: 'https://localhost' })).status).toBe(200);
    expect((await login({ email: u.email, password: u.password }, { origin: 'http://localhost:8080' })).status).toBe(
      403,
    );
    expect(
      (await login({ email: u.email, password: u.password }, { origin: 'http://localhost.evil.example' })).status,
    ).toBe(403);
  });

  it('refuses a disabled account with the same 401', async () => {
    const { db, clock, login } = await setup();
    const u = await createUser(db, clock, { email: 'a@example.ru', role: 'qms' });
    await db.updateTable('users').set({ active: 0 }).where('id', '=', u.id).execute();
    const res = await login({ email: u.email, password: u.password });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('bad_credentials');
  });
});

describe.each(DB_KINDS)('console sessions (%s)', (kind) => {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function setup() {
    t = await openTestDb(kind);
    const clock = fakeClock();
    const app = authTestApp({ db: t.db, clock, config: loadConfig({ DATA_DIR: '/tmp/otklik-unused' }) });
    return { app, db: t.db, clock };
  }

  it('refuses a state-changing request without or with a wrong X-CSRF-Token, and changes nothing', async () => {
    const { app, db, clock } = await setup();
    const admin = await createUser(db, clock, { email: 'admin@example.ru', role: 'admin' });
    const s = await signIn(app, admin.email, admin.password);
    for (const token of [undefined, 'wrong-token', s.csrfToken.slice(0, -1)]) {
      const res = await app.request('/api/admin/users', {
        method: 'POST',
        body: JSON.stringify({ email: 'new@example.ru', name: 'Новый', role: 'viewer' }),
        headers: { Cookie: s.cookie, 'Content-Type': 'application/json', ...(token && { 'X-CSRF-Token': token }) },
      });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('csrf');
    }
    const logout = await app.request('/api/admin/logout', { method: 'POST', headers: { Cookie: s.cookie } });
    expect(logout.status).toBe(403);
    expect(await db.selectFrom('users').select('email').where('email', '=', 'new@example.ru').execute()).toEqual([]);
    expect((await s.request('/api/admin/me')).status).toBe(200);
    // The same request with the token goes through.
    expect(
      (
        await s.request('/api/admin/users', {
          method: 'POST',
          json: { email: 'new@example.ru', name: 'Новый', role: 'viewer' },
        })
      ).status,
    ).toBe(201);
  });

  it('answers 403, not 500, to a CSRF token of the right length with a non-ASCII character (issue 10)', async () => {
    const { app, db, clock } = await setup();
    const u = await createUser(db, clock, { email: 'a@example.ru', role: 'viewer' });
    const s = await signIn(app, u.email, u.password);
    // Headers carry bytes; Node hands a byte above 0x7f on as a Latin-1 character such as «é».
    for (const forged of [`${s.csrfToken.slice(0, -1)}é`, 'é'.repeat(s.csrfToken.length), `${s.csrfToken}é`]) {
      const res = await s.request('/api/admin/logout', { method: 'POST', headers: { 'X-CSRF-Token': forged } });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('csrf');
    }
    expect((await s.request('/api/admin/me')).status).toBe(200);
  });

  it('ends a session after 12 idle hours, and keeps it alive while it is used', async () => {
    const { app, db, clock } = await setup();
    const u = await createUser(db, clock, { email: 'a@example.ru', role: 'viewer' });
    const s = await signIn(app, u.email, u.password);
    for (let i = 0; i < 3; i++) {
      clock.advance(11 * 60 * MINUTE);
      expect((await s.request('/api/admin/me')).status).toBe(200);
    }
    clock.advance(12 * 60 * MINUTE + MINUTE);
    const res = await s.request('/api/admin/me');
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthorized');
  });

  it('signs out: 204, the cookie is cleared and the old cookie no longer works', async () => {
    const { app, db, clock } = await setup();
    const u = await createUser(db, clock, { email: 'a@example.ru', role: 'viewer' });
    const s = await signIn(app, u.email, u.password);
    const res = await s.request('/api/admin/logout', { method: 'POST' });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^otklik_session=;.*Max-Age=0/);
    expect((await s.request('/api/admin/me')).status).toBe(401);
    expect(
      (await db.selectFrom('audit_log').select('action').where('user_id', '=', u.id).execute()).map((a) => a.action),
    ).toEqual(expect.arrayContaining(['auth.sign_in', 'auth.sign_out']));
  });

  it('gives a new session token at sign-in: a token planted in the browser before never signs in (session fixation)', async () => {
    const { app, db, clock } = await setup();
    const u = await createUser(db, clock, { email: 'a@example.ru', role: 'viewer' });
    const loginWith = (cookie: string) =>
      app.request('/api/admin/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie },
        body: JSON.stringify({ email: u.email, password: u.password }),
      });
    const me = (cookie: string) => app.request('/api/admin/me', { headers: { Cookie: cookie } });

    const planted = `otklik_session=${'A'.repeat(43)}`;
    const first = await loginWith(planted);
    expect(first.status).toBe(200);
    const firstCookie = first.headers.get('set-cookie')!.split(';')[0]!;
    expect(firstCookie).not.toBe(planted);
    expect((await me(planted)).status).toBe(401);

    // Signing in again in the same browser (or after an attacker slipped his own live session
    // into it) replaces that session: the old token and its CSRF token stop working.
    const second = await loginWith(firstCookie);
    const secondCookie = second.headers.get('set-cookie')!.split(';')[0]!;
    expect(secondCookie).not.toBe(firstCookie);
    expect((await second.json()).csrfToken).not.toBe((await first.json()).csrfToken);
    expect((await me(firstCookie)).status).toBe(401);
    expect((await me(secondCookie)).status).toBe(200);
  });

  it('signs out on the server: a copy of the cookie and the CSRF token kept elsewhere no longer work', async () => {
    const { app, db, clock } = await setup();
    const u = await createUser(db, clock, { email: 'a@example.ru', role: 'admin' });
    const s = await signIn(app, u.email, u.password);
    expect((await s.request('/api/admin/logout', { method: 'POST' })).status).toBe(204);
    expect(await db.selectFrom('sessions').select('id').where('user_id', '=', u.id).execute()).toEqual([]);
    expect((await s.request('/api/admin/users')).status).toBe(401);
    const again = await s.request('/api/admin/users', {
      method: 'POST',
      json: { email: 'new@example.ru', name: 'Новый', role: 'viewer' },
    });
    expect(again.status).toBe(401);
  });

  it('answers 401 to /me without a session', async () => {
    const { app } = await setup();
    expect((await app.request('/api/admin/me')).status).toBe(401);
    expect((await app.request('/api/admin/me', { headers: { Cookie: 'otklik_session=forged' } })).status).toBe(401);
  });

  it('a one-time password only lets the user change it; then everything opens and other sessions end', async () => {
    const { app, db, clock } = await setup();
    const u = await createUser(db, clock, {
      email: 'admin@example.ru',
      role: 'admin',
      password: 'one-time-1234',
      mustChangePassword: true,
    });
    const other = await signIn(app, u.email, u.password);
    const s = await signIn(app, u.email, u.password);
    expect(s.user.mustChangePassword).toBe(true);
    const refused = await s.request('/api/admin/users');
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toEqual({
      code: 'password_change_required',
      message: 'Сначала смените временный пароль: пока он не сменён, другие действия недоступны',
      fields: {},
    });
    const inEnglish = await s.request('/api/admin/users', { headers: { 'Accept-Language': 'en' } });
    expect((await inEnglish.json()).error.message).toMatch(/^Change your one-time password first/);
    expect((await s.request('/api/admin/me')).status).toBe(200);

    const tooShort = await s.request('/api/admin/password', {
      method: 'POST',
      json: { current: u.password, next: 'short' },
    });
    expect(tooShort.status).toBe(422);
    expect(Object.keys((await tooShort.json()).error.fields)).toEqual(['next']);
    const same = await s.request('/api/admin/password', {
      method: 'POST',
      json: { current: u.password, next: u.password },
    });
    expect([same.status, (await same.json()).error.fields]).toEqual([
      422,
      { next: 'Новый пароль должен отличаться от текущего' },
    ]);
    const wrong = await s.request('/api/admin/password', {
      method: 'POST',
      json: { current: 'not-it-at-all', next: 'a brand new password' },
    });
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).error.fields).toEqual({ current: 'Неверный текущий пароль' });

    expect(
      (
        await s.request('/api/admin/password', {
          method: 'POST',
          json: { current: u.password, next: 'a brand new password' },
        })
      ).status,
    ).toBe(204);
    const me = await (await s.request('/api/admin/me')).json();
    expect(me.user.mustChangePassword).toBe(false);
    expect((await s.request('/api/admin/users')).status).toBe(200);
    expect((await other.request('/api/admin/me')).status).toBe(401);
    await expect(signIn(app, u.email, u.password)).rejects.toThrow(/401/);
    await signIn(app, u.email, 'a brand new password');
    const changed = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'auth.password_changed')
      .execute();
    expect(changed.map((c) => JSON.parse(c.details))).toEqual([{ firstSignIn: true }]);
  });

  it('counts wrong current passwords on the password form toward the account lock-out', async () => {
    const { app, db, clock } = await setup();
    const u = await createUser(db, clock, { email: 'a@example.ru', role: 'qms' });
    const s = await signIn(app, u.email, u.password);
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await s.request('/api/admin/password', {
            method: 'POST',
            json: { current: `guess-${i}`, next: 'a brand new password' },
          })
        ).status,
      ).toBe(422);
    }
    expect(
      (
        await s.request('/api/admin/password', {
          method: 'POST',
          json: { current: u.password, next: 'a brand new password' },
        })
      ).status,
    ).toBe(429);
  });
});
