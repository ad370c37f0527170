import type { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../test/support/databases.ts';
import { freshDbEachTest } from '../../test/support/fresh-db.ts';
import { authTestApp, createUser, signIn } from '../../test/support/console.ts';
import { fakeClock } from '../../test/support/test-app.ts';
import { listRefusals } from '../refusals.ts';
import { loadConfig } from '../env.ts';

const MINUTE = 60_000;

/** How many answers had each status: `{ 401: 5, 429: 15 }`. */
function tally(answers: Response[]): Record<number, number> {
  const n: Record<number, number> = {};
  for (const r of answers) n[r.status] = (n[r.status] ?? 0) + 1;
  return n;
}

// Issue 14 §1: the lock-out used to be checked before the password and counted after it, so a
// burst of parallel guesses was all checked (77 of 100) before the first failure was counted.
describe.each(DB_KINDS)('sign-in lock-out under parallel guesses (%s)', (kind) => {
  const fresh = freshDbEachTest(kind);

  async function setup() {
    const t = await fresh();
    const clock = fakeClock();
    const config = loadConfig({ DATA_DIR: '/tmp/otklik-unused' });
    const app = authTestApp({ db: t.db, clock, config });
    // A second instance with its own connections to the same database, as behind a load balancer.
    const other = authTestApp({ db: t.openAnother(), clock, config });
    const login = (email: string, password: string, ip = '198.51.100.7', via: Hono = app) =>
      via.request(
        '/api/admin/login',
        { method: 'POST', body: JSON.stringify({ email, password }), headers: { 'Content-Type': 'application/json' } },
        { incoming: { socket: { remoteAddress: ip } } },
      );
    const audit = (action: string) => t.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
    const refused = async () =>
      (await listRefusals(t.db, '2000-01-01')).find((r) => r.reason === 'sign_in_locked')?.count ?? 0;
    return { app, other, db: t.db, clock, login, audit, refused };
  }

  it('checks exactly 5 of 20 parallel wrong guesses for one account and refuses 15 with 429', async () => {
    const { db, clock, login, audit, refused } = await setup();
    const u = await createUser(db, clock, { email: 'a@example.ru', role: 'qms' });
    // From different addresses, so only the account's allowance can stop them.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(u.email, `guess-${i}`, `203.0.113.${i}`)),
    );
    expect(tally(answers)).toEqual({ 401: 5, 429: 15 });
    const locked = answers.find((r) => r.status === 429)!;
    expect((await locked.json()).error.code).toBe('locked');
    expect(Number(locked.headers.get('retry-after'))).toBe(15 * 60);
    expect(await audit('auth.sign_in_failed')).toHaveLength(5);
    expect((await audit('auth.locked')).map((a) => JSON.parse(a.details))).toEqual([
      { scope: 'user', email: 'a@example.ru', until: new Date(clock.now().getTime() + 15 * MINUTE).toISOString() },
    ]);
    expect(await refused()).toBe(15);
  });

  it('checks at most 20 of 60 parallel guesses from one address across accounts', async () => {
    const { db, clock, login, audit } = await setup();
    const emails = ['a@example.ru', 'b@example.ru', 'c@example.ru'];
    for (const email of emails) await createUser(db, clock, { email, role: 'viewer' });
    // Twelve accounts, three of them real: each may take 5, so only the address's 20 stops them.
    const targets = Array.from({ length: 12 }, (_, i) => emails[i] ?? `nobody${i}@example.ru`);
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => login(targets[i % 12]!, `guess-${i}`, '192.0.2.66')),
    );
    expect(tally(answers)).toEqual({ 401: 20, 429: 40 });
    const locks = (await audit('auth.locked')).map((a) => JSON.parse(a.details));
    expect(locks.filter((l) => l.scope === 'ip')).toEqual([expect.objectContaining({ address: '192.0.2.66' })]);
  });

  it('does not sign in a burst of 60 with the right password at position 40; the lock ends after 15 minutes', async () => {
    const { db, clock, login } = await setup();
    const u = await createUser(db, clock, { email: 'a@example.ru', role: 'admin' });
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => login(u.email, i === 39 ? u.password : `guess-${i}`, `203.0.113.${i}`)),
    );
    expect(tally(answers)).toEqual({ 401: 5, 429: 55 });
    expect(answers[39]!.headers.get('set-cookie')).toBeNull();

    clock.advance(15 * MINUTE - 1000);
    expect((await login(u.email, u.password)).status).toBe(429);
    clock.advance(1000);
    expect((await login(u.email, u.password)).status).toBe(200);
  });

  it('holds across two instances on one database', async () => {
    const { app, other, db, clock, login } = await setup();
    const u = await createUser(db, clock, { email: 'a@example.ru', role: 'qms' });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(u.email, `guess-${i}`, `203.0.113.${i}`, i % 2 ? app : other)),
    );
    expect(tally(answers)).toEqual({ 401: 5, 429: 15 });
    expect((await login(u.email, u.password, '203.0.113.200', other)).status).toBe(429);
  });

  it("gives the address's slot back after a right password: 30 colleagues behind one address all sign in", async () => {
    const { db, clock, login } = await setup();
    const users = [];
    for (let i = 0; i < 30; i++) users.push(await createUser(db, clock, { email: `u${i}@example.ru`, role: 'viewer' }));
    for (const u of users) expect((await login(u.email, u.password, '192.0.2.1')).status).toBe(200);
  });

  it("locks out strangers, not the account's owner at his usual browser, which has an allowance of its own", async () => {
    const { app, db, clock, login, audit } = await setup();
    const u = await createUser(db, clock, { email: 'a@example.ru', role: 'qms' });
    const other = await createUser(db, clock, { email: 'b@example.ru', role: 'viewer' });
    const from = (email: string, password: string, cookie: string) =>
      app.request(
        '/api/admin/login',
        {
          method: 'POST',
          body: JSON.stringify({ email, password }),
          headers: { 'Content-Type': 'application/json', Cookie: cookie },
        },
        { incoming: { socket: { remoteAddress: '198.51.100.7' } } },
      );
    const deviceCookie = (r: Response) => {
      const set = r.headers.getSetCookie().find((c) => c.startsWith('otklik_device='));
      expect(set).toMatch(/; Max-Age=15811200; Path=\/api\/admin\/login; HttpOnly; SameSite=Strict/);
      return set!.split(';')[0]!;
    };
    const usual = deviceCookie(await login(u.email, u.password));
    const elsewhere = deviceCookie(await login(other.email, other.password, '203.0.113.9'));

    // A stranger spends the account's five wrong passwords, from addresses of his own.
    for (let i = 0; i < 5; i++) expect((await login(u.email, `guess-${i}`, `203.0.113.${i}`)).status).toBe(401);
    expect((await login(u.email, u.password, '203.0.113.50')).status).toBe(429);
    // The owner's browser signs in, from the same address as before or another, and keeps its name.
    const again = await from(u.email, u.password, usual);
    expect(again.status).toBe(200);
    expect(deviceCookie(again)).toBe(usual);
    // Another account's browser, or a cookie not signed by the server, is a stranger's.
    expect((await from(u.email, u.password, elsewhere)).status).toBe(429);
    const forged = `${usual.slice(0, -2)}${usual.endsWith('AA') ? 'AB' : 'AA'}`;
    expect((await from(u.email, u.password, forged)).status).toBe(429);

    // Guessing from the owner's browser has its own five.
    for (let i = 0; i < 5; i++) expect((await from(u.email, `guess-${i}`, usual)).status).toBe(401);
    expect((await from(u.email, u.password, usual)).status).toBe(429);
    expect((await audit('auth.locked')).map((a) => JSON.parse(a.details).scope)).toEqual(['user', 'device']);
    clock.advance(15 * MINUTE);
    expect((await from(u.email, u.password, usual)).status).toBe(200);

    // A password changed (or reset) ends every browser remembered before: kept cookies are strangers'.
    const s = await signIn(app, u.email, u.password);
    const changed = await s.request('/api/admin/password', {
      method: 'POST',
      json: { current: u.password, next: 'a brand new password' },
    });
    expect(changed.status).toBe(204);
    for (let i = 0; i < 5; i++) expect((await login(u.email, `guess-${i}`, `203.0.113.${i}`)).status).toBe(401);
    expect((await from(u.email, 'a brand new password', usual)).status).toBe(429);
  });

  it("gives all of an account's remembered browsers twenty tries together, however many cookies were kept", async () => {
    const { app, db, clock, login } = await setup();
    const u = await createUser(db, clock, { email: 'a@example.ru', role: 'qms' });
    const cookies: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await login(u.email, u.password, `203.0.113.${i}`);
      cookies.push(
        r.headers
          .getSetCookie()
          .find((c) => c.startsWith('otklik_device='))!
          .split(';')[0]!,
      );
    }
    const from = (password: string, cookie: string) =>
      app.request(
        '/api/admin/login',
        {
          method: 'POST',
          body: JSON.stringify({ email: u.email, password }),
          headers: { 'Content-Type': 'application/json', Cookie: cookie },
        },
        { incoming: { socket: { remoteAddress: '198.51.100.7' } } },
      );
    const answers: number[] = [];
    for (const cookie of cookies.slice(0, 4))
      for (let i = 0; i < 5; i++) answers.push((await from(`guess-${i}`, cookie)).status);
    expect(answers).toEqual(Array(20).fill(401));
    expect((await from(u.password, cookies[4]!)).status).toBe(429);
    // A half year on, a cookie not renewed by a sign-in is a stranger's.
    clock.advance(184 * 24 * 60 * MINUTE);
    for (let i = 0; i < 5; i++) expect((await login(u.email, `guess-${i}`, `203.0.113.${i}`)).status).toBe(401);
    expect((await from(u.password, cookies[4]!)).status).toBe(429);
  });

  it('counts the current password on the password form the same way: 5 of 20 parallel checked', async () => {
    const { app, other, db, clock, audit, refused } = await setup();
    const u = await createUser(db, clock, { email: 'a@example.ru', role: 'qms' });
    const s = await signIn(app, u.email, u.password);
    const change = (current: string, via: Hono = app) =>
      via.request('/api/admin/password', {
        method: 'POST',
        headers: { Cookie: s.cookie, 'X-CSRF-Token': s.csrfToken, 'Content-Type': 'application/json' },
        body: JSON.stringify({ current, next: 'a brand new password' }),
      });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => change(`guess-${i}`, i % 2 ? app : other)));
    expect(tally(answers)).toEqual({ 422: 5, 429: 15 });
    expect(await refused()).toBe(15);
    expect((await audit('auth.locked')).map((a) => JSON.parse(a.details).during)).toEqual(['password_change']);

    expect((await change(u.password)).status).toBe(429);
    // The one at the desk has not locked the account's owner out of signing in elsewhere.
    expect((await signIn(other, u.email, u.password)).user.id).toBe(u.id);
    clock.advance(15 * MINUTE);
    expect((await change(u.password)).status).toBe(204);
  });

  it("lets the signed-in owner change his password while a stranger's guesses lock the account", async () => {
    const { app, db, clock, login } = await setup();
    const u = await createUser(db, clock, { email: 'a@example.ru', role: 'qms' });
    const s = await signIn(app, u.email, u.password);
    for (let i = 0; i < 5; i++) expect((await login(u.email, `guess-${i}`, `203.0.113.${i}`)).status).toBe(401);
    expect((await login(u.email, u.password, '203.0.113.50')).status).toBe(429);
    const changed = await s.request('/api/admin/password', {
      method: 'POST',
      json: { current: u.password, next: 'a brand new password' },
    });
    expect(changed.status).toBe(204);
  });
});
