import { afterEach, describe, expect, it } from 'vitest';
import { saveDepartment } from '../directory/store.ts';
import { loadConfig } from '../env.ts';
import { authTestApp, createUser, signIn } from '../../test/support/console.ts';
import { DB_KINDS, openTestDb, type TestDb } from '../../test/support/databases.ts';
import { fakeClock } from '../../test/support/test-app.ts';

describe.each(DB_KINDS)('console users (%s)', (kind) => {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function setup() {
    t = await openTestDb(kind);
    const clock = fakeClock();
    const app = authTestApp({ db: t.db, clock, config: loadConfig({ DATA_DIR: '/tmp/otklik-unused' }) });
    const db = t.db;
    const admin = await createUser(db, clock, { email: 'admin@example.ru', role: 'admin', name: 'Админ' });
    const dks = await saveDepartment(db, clock, { name: 'ДКС' });
    return { app, db, clock, admin, dks, as: await signIn(app, admin.email, admin.password) };
  }

  it('keeps users, the audit log and password resets to admins: 403 for qms, 401 for nobody', async () => {
    const { app, db, clock, admin } = await setup();
    const qms = await createUser(db, clock, { email: 'qms@example.ru', role: 'qms' });
    const s = await signIn(app, qms.email, qms.password);
    expect((await s.request('/api/admin/users')).status).toBe(403);
    const create = await s.request('/api/admin/users', {
      method: 'POST',
      json: { email: 'x@example.ru', name: 'X', role: 'admin' },
    });
    expect(create.status).toBe(403);
    expect((await create.json()).error.code).toBe('forbidden');
    expect((await s.request(`/api/admin/users/${qms.id}`, { method: 'PATCH', json: { role: 'admin' } })).status).toBe(
      403,
    );
    expect((await s.request(`/api/admin/users/${admin.id}/reset-password`, { method: 'POST' })).status).toBe(403);
    expect((await db.selectFrom('users').select('role').where('id', '=', qms.id).executeTakeFirstOrThrow()).role).toBe(
      'qms',
    );
    expect((await app.request('/api/admin/users')).status).toBe(401);
    // The QMS reads the audit log; a viewer and a handler don't.
    expect((await s.request('/api/admin/audit')).status).toBe(200);
    const viewer = await createUser(db, clock, { email: 'v@example.ru', role: 'viewer' });
    expect((await (await signIn(app, viewer.email, viewer.password)).request('/api/admin/audit')).status).toBe(403);
  });

  it('creates a user with a one-time password that must be changed at first sign-in', async () => {
    const { app, as, dks } = await setup();
    const res = await as.request('/api/admin/users', {
      method: 'POST',
      json: { email: 'Ivanov@Example.ru', name: 'Иван Иванов', role: 'handler', departmentId: dks },
    });
    expect(res.status).toBe(201);
    const { user, oneTimePassword } = await res.json();
    expect(user).toMatchObject({
      email: 'ivanov@example.ru',
      name: 'Иван Иванов',
      role: 'handler',
      departmentId: dks,
      department: 'ДКС',
      active: true,
      mustChangePassword: true,
    });
    expect(oneTimePassword).toMatch(/^[\w-]{16,}$/);
    const s = await signIn(app, 'ivanov@example.ru', oneTimePassword);
    expect(s.user.mustChangePassword).toBe(true);
    expect(
      (
        await s.request('/api/admin/password', {
          method: 'POST',
          json: { current: oneTimePassword, next: 'мой новый пароль' },
        })
      ).status,
    ).toBe(204);

    const list = await (await as.request('/api/admin/users')).json();
    expect(
      list.items.map((u: { email: string; mustChangePassword: boolean }) => [u.email, u.mustChangePassword]),
    ).toEqual([
      ['admin@example.ru', false],
      ['ivanov@example.ru', false],
    ]);
    expect(Object.keys(list.items[0]).sort()).toEqual([
      'active',
      'createdAt',
      'department',
      'departmentId',
      'email',
      'id',
      'mustChangePassword',
      'name',
      'role',
    ]);
  });

  it('refuses bad new users naming the fields: a handler needs a department, e-mails are unique', async () => {
    const { as } = await setup();
    const bad = await as.request('/api/admin/users', {
      method: 'POST',
      json: { email: 'not-an-email', name: '', role: 'root' },
    });
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(['email', 'name', 'role']);
    const noDept = await as.request('/api/admin/users', {
      method: 'POST',
      json: { email: 'h@example.ru', name: 'H', role: 'handler' },
    });
    expect(noDept.status).toBe(422);
    expect(Object.keys((await noDept.json()).error.fields)).toEqual(['departmentId']);
    const unknownDept = await as.request('/api/admin/users', {
      method: 'POST',
      json: { email: 'h@example.ru', name: 'H', role: 'handler', departmentId: 'nope' },
    });
    expect(unknownDept.status).toBe(422);
    const dup = await as.request('/api/admin/users', {
      method: 'POST',
      json: { email: 'ADMIN@example.ru', name: 'Двойник', role: 'viewer' },
    });
    expect(dup.status).toBe(409);
    expect((await dup.json()).error.fields).toEqual({ email: 'Пользователь с таким e-mail уже есть' });
  });

  it('refuses a field it does not read, naming it: a typo never answers 200 having done nothing', async () => {
    const { as, db, admin } = await setup();
    const typos: Array<[string, string, Record<string, unknown>, string]> = [
      ['POST', '/api/admin/users', { email: 'v@example.ru', name: 'V', role: 'viewer', extra: 1 }, 'extra'],
      ['PATCH', `/api/admin/users/${admin.id}`, { nmae: 'Новое имя' }, 'nmae'],
      ['PATCH', `/api/admin/users/${admin.id}`, { constructor: 1 }, 'constructor'],
      ['PATCH', `/api/admin/users/${admin.id}`, JSON.parse('{"__proto__": {"name": "x"}}'), '__proto__'],
      ['POST', '/api/admin/password', { current: admin.password, nxt: 'новый-длинный-пароль-1' }, 'nxt'],
    ];
    for (const [method, path, json, typo] of typos) {
      const res = await as.request(path, { method, json });
      expect([res.status, (await res.json()).error.fields[typo]], path).toEqual([422, 'Такого поля нет']);
    }
    expect(await db.selectFrom('users').select(['email', 'name']).execute()).toEqual([
      { email: 'admin@example.ru', name: 'Админ' },
    ]);
  });

  it('updates a user, records from/to, and ends his sessions when his role changes or he is disabled', async () => {
    const { app, db, clock, as, dks } = await setup();
    const u = await createUser(db, clock, { email: 'u@example.ru', role: 'qms', name: 'Old' });
    const s = await signIn(app, u.email, u.password);
    const renamed = await as.request(`/api/admin/users/${u.id}`, { method: 'PATCH', json: { name: 'Новое Имя' } });
    expect(renamed.status).toBe(200);
    expect((await renamed.json()).user.name).toBe('Новое Имя');
    expect((await s.request('/api/admin/me')).status).toBe(200);

    const demoted = await as.request(`/api/admin/users/${u.id}`, {
      method: 'PATCH',
      json: { role: 'handler', departmentId: dks },
    });
    expect((await demoted.json()).user).toMatchObject({ role: 'handler', departmentId: dks, department: 'ДКС' });
    expect((await s.request('/api/admin/me')).status).toBe(401);

    const s2 = await signIn(app, u.email, u.password);
    expect((await as.request(`/api/admin/users/${u.id}`, { method: 'PATCH', json: { active: false } })).status).toBe(
      200,
    );
    expect((await s2.request('/api/admin/me')).status).toBe(401);
    await expect(signIn(app, u.email, u.password)).rejects.toThrow(/401/);

    const updates = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'user.update')
      .orderBy('at')
      .orderBy('id')
      .execute();
    const changes = updates.map((x) => JSON.parse(x.details).changes);
    expect(changes).toContainEqual({ name: { from: 'Old', to: 'Новое Имя' } });
    expect(changes).toContainEqual({ role: { from: 'qms', to: 'handler' }, departmentId: { from: null, to: dks } });
    expect(changes).toContainEqual({ active: { from: true, to: false } });
    expect(
      (await as.request(`/api/admin/users/${u.id}`, { method: 'PATCH', json: { departmentId: null } })).status,
    ).toBe(422);
    expect((await as.request('/api/admin/users/no-such-id', { method: 'PATCH', json: { name: 'X' } })).status).toBe(
      404,
    );
  });

  it('never leaves the console without an active admin', async () => {
    const { app, db, clock, as, admin } = await setup();
    for (const change of [{ role: 'qms' }, { active: false }]) {
      const res = await as.request(`/api/admin/users/${admin.id}`, { method: 'PATCH', json: change });
      expect(res.status).toBe(409);
      // Nobody changed anything meanwhile: the answer says why, not «данные изменились».
      const last = 'Это последний активный администратор: сначала сделайте администратором другого пользователя';
      expect((await res.json()).error).toEqual({
        code: 'conflict',
        message: last,
        fields: { [Object.keys(change)[0]!]: last },
      });
    }
    expect(
      await db.selectFrom('users').select(['role', 'active']).where('id', '=', admin.id).executeTakeFirstOrThrow(),
    ).toEqual({ role: 'admin', active: 1 });

    // With a second admin the first may step down, and then the second may not.
    const second = await createUser(db, clock, { email: 'admin2@example.ru', role: 'admin' });
    expect((await as.request(`/api/admin/users/${admin.id}`, { method: 'PATCH', json: { role: 'qms' } })).status).toBe(
      200,
    );
    const s2 = await signIn(app, second.email, second.password);
    expect(
      (await s2.request(`/api/admin/users/${second.id}`, { method: 'PATCH', json: { active: false } })).status,
    ).toBe(409);
    // A disabled admin doesn't count.
    const third = await createUser(db, clock, { email: 'admin3@example.ru', role: 'admin' });
    await db.updateTable('users').set({ active: 0 }).where('id', '=', third.id).execute();
    expect(
      (await s2.request(`/api/admin/users/${second.id}`, { method: 'PATCH', json: { role: 'viewer' } })).status,
    ).toBe(409);
  });

  it('lets only one of two admins demoting each other at the same moment succeed', async () => {
    const { app, db, clock, as, admin } = await setup();
    const second = await createUser(db, clock, { email: 'admin2@example.ru', role: 'admin' });
    const s2 = await signIn(app, second.email, second.password);
    const results = await Promise.all([
      as.request(`/api/admin/users/${second.id}`, { method: 'PATCH', json: { role: 'qms' } }),
      s2.request(`/api/admin/users/${admin.id}`, { method: 'PATCH', json: { role: 'qms' } }),
    ]);
    // The loser is refused (409), or already signed out by the winner's demotion of him (401).
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect([401, 409]).toContain(statuses[1]);
    const admins = await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('active', '=', 1)
      .execute();
    expect(admins).toHaveLength(1);
  });

  it('gives a user who forgot his password a new one-time password and signs him out', async () => {
    const { app, db, clock, as } = await setup();
    const u = await createUser(db, clock, { email: 'u@example.ru', role: 'qms' });
    const s = await signIn(app, u.email, u.password);
    const res = await as.request(`/api/admin/users/${u.id}/reset-password`, { method: 'POST' });
    expect(res.status).toBe(200);
    const { oneTimePassword, user } = await res.json();
    expect(user.mustChangePassword).toBe(true);
    expect((await s.request('/api/admin/me')).status).toBe(401);
    await expect(signIn(app, u.email, u.password)).rejects.toThrow(/401/);
    const fresh = await signIn(app, u.email, oneTimePassword);
    expect(fresh.user.mustChangePassword).toBe(true);
    // An admin who must change his own password can't do anything else first, resets included.
    await db.updateTable('users').set({ role: 'admin' }).where('id', '=', u.id).execute();
    expect((await fresh.request(`/api/admin/users/${u.id}/reset-password`, { method: 'POST' })).status).toBe(403);
  });
});
