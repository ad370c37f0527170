import { afterEach, describe, expect, it } from 'vitest';
import { saveEmployee, setEmployeeActive } from '../directory/store.ts';
import { buildTestApp } from '../../test/support/test-app.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
afterEach(async () => t?.close());

async function setup(env: Record<string, string> = {}) {
  t = await buildTestApp('sqlite', env);
  await saveEmployee(t.db, t.clock, {
    slug: 'ivanov',
    name: 'Иванов Иван',
    position: 'Инженер',
    department: 'ДКС',
    managerEmail: 'boss@example.ru',
    managerName: 'Петров Сергей',
  });
}
const post = (body: unknown, headers: Record<string, string> = {}) =>
  t.app.request('/api/v1/ratings', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const ratings = () => t.db.selectFrom('submissions').selectAll().where('type', '=', 'rating').execute();

describe('POST /api/v1/ratings', () => {
  it('records an employee rating with a number and queues the manager e-mail and the QMS copy', async () => {
    await setup();
    const res = await post({
      subject: 'employee',
      employee: 'ivanov',
      score: 4,
      comment: 'Качественно и своевременно!',
      publish: true,
      name: 'Анна',
      email: 'anna@client.ru',
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ number: '2026-00001', subject: 'employee', score: 4 });
    expect(body.ack).toContain('2026-00001');
    const [row] = await ratings();
    expect(row).toMatchObject({
      kind: 'rating',
      score: 4,
      message: 'Качественно и своевременно!',
      publish: 1,
      subject: 'employee',
      name: 'Анна',
      email: 'anna@client.ru',
    });
    expect(row!.department_id).not.toBeNull();
    const mail = await t.db.selectFrom('outbox').select(['recipients', 'subject']).execute();
    expect(mail.map((m) => JSON.parse(m.recipients)[0]).sort()).toEqual([
      'anna@client.ru',
      'boss@example.ru',
      'smk@example.ru',
    ]);
    expect(mail.some((m) => m.subject.includes('4 из 5') && m.subject.includes('Иванов Иван'))).toBe(true);
  });

  it('records a delivery rating for its recipients and the QMS', async () => {
    await setup();
    const res = await post({ subject: 'delivery', score: '2', comment: 'Опоздали на день' });
    expect(res.status).toBe(201);
    const mail = await t.db.selectFrom('outbox').select(['recipients', 'subject']).execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain('Качество доставки');
  });

  it('names the wrong fields with 422: score, employee unknown or inactive, subject', async () => {
    await setup();
    const fields = async (body: unknown, headers?: Record<string, string>) => {
      const res = await post(body, headers);
      expect(res.status).toBe(422);
      return (await res.json()).error.fields;
    };
    expect(Object.keys(await fields({ subject: 'employee', employee: 'ivanov', score: 6 }))).toEqual(['score']);
    expect(Object.keys(await fields({ subject: 'employee', employee: 'ivanov', score: 3.5 }))).toEqual(['score']);
    expect(Object.keys(await fields({ subject: 'employee', employee: 'ivanov' }))).toEqual(['score']);
    expect(await fields({ subject: 'employee', employee: 'nobody', score: 5 })).toEqual({
      employee: 'Сотрудник не найден или больше не работает в компании',
    });
    expect(Object.keys(await fields({ subject: 'employee', score: 5 }))).toEqual(['employee']);
    expect(Object.keys(await fields({ subject: 'warehouse', score: 5 }))).toEqual(['subject']);
    expect(
      Object.keys(
        await fields({ subject: 'employee', employee: 'ivanov', score: 5, comment: 'я'.repeat(2001), email: 'x@' }),
      ),
    ).toEqual(['comment', 'email']);
    await setEmployeeActive(t.db, t.clock, 'ivanov', false);
    expect(
      (await fields({ subject: 'employee', employee: 'ivanov', score: 5 }, { 'accept-language': 'en' })).employee,
    ).toContain('no longer works');
    expect(await ratings()).toEqual([]);
  });

  it('answers a repeated idempotency key with the first answer', async () => {
    await setup();
    const body = { subject: 'employee', employee: 'ivanov', score: 5, idempotencyKey: 'r-1' };
    const [a, b] = await Promise.all([post(body), post(body)]);
    expect(await a.json()).toEqual(await b.json());
    expect(await ratings()).toHaveLength(1);
  });

  it('answers malformed bodies with 400 and other content types with 415', async () => {
    await setup();
    expect(
      (
        await t.app.request('/api/v1/ratings', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await t.app.request('/api/v1/ratings', {
          method: 'POST',
          headers: { 'content-type': 'text/xml' },
          body: '<x/>',
        })
      ).status,
    ).toBe(415);
  });
});

describe('GET /api/v1/employees/:slug', () => {
  it('shows active employees only', async () => {
    await setup();
    expect(await (await t.app.request('/api/v1/employees/ivanov')).json()).toEqual({
      slug: 'ivanov',
      name: 'Иванов Иван',
      position: 'Инженер',
      department: 'ДКС',
    });
    await setEmployeeActive(t.db, t.clock, 'ivanov', false);
    expect((await t.app.request('/api/v1/employees/ivanov')).status).toBe(404);
    expect((await t.app.request('/api/v1/employees/nobody')).status).toBe(404);
  });

  it('gives the signature as an HTML fragment with five absolute star links, and as text', async () => {
    await setup({ PUBLIC_URL: 'https://feedback.example.ru' });
    const res = await t.app.request('/api/v1/employees/ivanov/signature.html');
    const snippet = await res.text();
    expect(snippet).not.toMatch(/<(html|body|head|script|style|img)\b/i);
    expect(snippet).not.toMatch(/\bclass=/);
    expect(snippet.length).toBeLessThan(10_000);
    expect(snippet).toContain('Расскажите моему руководителю, как я работаю!');
    expect(snippet).toContain('Иванов Иван');
    for (let n = 1; n <= 5; n++) expect(snippet).toContain(`href="https://feedback.example.ru/r/ivanov?score=${n}"`);
    expect(snippet.match(/&#9733;/g)).toHaveLength(5);
    const text = await (await t.app.request('/api/v1/employees/ivanov/signature.txt')).text();
    expect(text).toContain('https://feedback.example.ru/r/ivanov?score=4');
  });
});
