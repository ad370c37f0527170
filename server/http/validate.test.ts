import { afterEach, describe, expect, it } from 'vitest';
import { authTestApp, createUser, signIn } from '../../test/support/console.ts';
import { DB_KINDS, openTestDb, type TestDb } from '../../test/support/databases.ts';
import { fakeClock } from '../../test/support/test-app.ts';
import { loadConfig } from '../env.ts';

// The console's input goes through one zod wrapper (validate.ts): these ask real console routes
// through app.request() and read the answers a console form shows.
describe.each(DB_KINDS)('console input through the zod validator (%s)', (kind) => {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function admin() {
    t = await openTestDb(kind);
    const clock = fakeClock();
    const app = authTestApp({ db: t.db, clock, config: loadConfig({ DATA_DIR: '/tmp/otklik-unused' }) });
    const a = await createUser(t.db, clock, { email: 'admin@example.ru', role: 'admin', name: 'Админ' });
    return signIn(app, a.email, a.password);
  }

  it('names each wrong field of a body in Russian, or in English when asked', async () => {
    const as = await admin();
    const body = { email: 'not an address', name: '  ', role: 'boss', departmentId: 'x'.repeat(37) };
    const ru = await as.request('/api/admin/users', { method: 'POST', json: body });
    expect(ru.status).toBe(422);
    expect(await ru.json()).toEqual({
      error: {
        code: 'validation',
        message: expect.any(String),
        fields: {
          email: 'Проверьте адрес электронной почты',
          name: 'Заполните это поле',
          role: 'Неверное значение',
          departmentId: 'Слишком длинный текст',
        },
      },
    });
    const en = await as.request('/api/admin/users', {
      method: 'POST',
      json: { ...body, name: 'Иван', role: 'viewer' },
      headers: { 'Accept-Language': 'en' },
    });
    expect((await en.json()).error.fields).toEqual({
      email: 'Please check the e-mail address',
      departmentId: 'The text is too long',
    });
  });

  it('answers broken JSON 400 and another type 415 before any field is checked', async () => {
    const as = await admin();
    const broken = await as.request('/api/admin/users', {
      method: 'POST',
      body: '{"email":',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe('bad_request');
    const array = await as.request('/api/admin/users', { method: 'POST', json: [] });
    expect(array.status).toBe(400);
    const text = await as.request('/api/admin/users', {
      method: 'POST',
      body: 'email=a@b.ru',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(text.status).toBe(415);
  });

  it('reads a query parameter given twice by its first value, and names one it cannot read', async () => {
    const as = await admin();
    expect((await as.request('/api/admin/audit?limit=2&limit=x')).status).toBe(200);
    const bad = await as.request('/api/admin/audit?limit=x&from=2026-13-45&user=admin@example.ru');
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).error.fields)).toEqual(['from', 'limit']);
  });
});
