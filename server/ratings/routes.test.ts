import { contrastOnWhite } from '../../test/support/contrast.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { saveEmployee, saveSubject, setEmployeeActive } from '../directory/store.ts';
import { buildTestApp } from '../../test/support/test-app.ts';
import { DB_KINDS } from '../../test/support/databases.ts';

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
    expect(body).toMatchObject({ number: 'О-2026-00001', subject: 'employee', score: 4 });
    expect(body.ack).toContain('О-2026-00001');
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

  it('thanks a delivery rating in English promising no manager: it goes to the people responsible', async () => {
    await setup();
    const res = await post({ subject: 'delivery', score: 5 }, { 'accept-language': 'en' });
    const { ack } = await res.json();
    expect(ack).toContain('Every score is read by the people responsible and by the quality management service.');
    expect(ack).not.toMatch(/manager/);
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
    // A comment over the limit is told the limit, in the client's language.
    const long = { subject: 'employee', employee: 'ivanov', score: 5, comment: 'я'.repeat(2001) };
    expect(await fields(long)).toEqual({ comment: 'Не больше 2000 знаков: сократите комментарий' });
    expect(await fields(long, { 'accept-language': 'en' })).toEqual({
      comment: 'At most 2000 characters: please shorten the comment',
    });
    // Consent to publish is yes or no: a value that is neither is refused, not read as «no».
    for (const publish of ['yes', 2, 'garbage', { a: 1 }])
      expect(await fields({ subject: 'employee', employee: 'ivanov', score: 5, publish })).toEqual({
        publish: 'Неверное значение',
      });
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

describe('POST /api/v1/ratings: the channel', () => {
  it('records the channel the client came by, `site` when none is said, and refuses any other code', async () => {
    await setup();
    expect((await post({ subject: 'employee', employee: 'ivanov', score: 5, channel: 'signature' })).status).toBe(201);
    expect((await post({ subject: 'delivery', score: 4 })).status).toBe(201);
    const refused = await post({ subject: 'delivery', score: 4, channel: 'phone' });
    expect(refused.status).toBe(422);
    expect(Object.keys((await refused.json()).error.fields)).toEqual(['channel']);
    const rows = await ratings();
    expect(rows.map((r) => [r.subject, r.channel])).toEqual([
      ['employee', 'signature'],
      ['delivery', 'site'],
    ]);
  });
});

describe('POST /api/v1/ratings: one rating per browser, employee or subject and day', () => {
  const TOKEN = 'browser-one-0123456789';
  const outbox = () =>
    t.db.selectFrom('outbox').select(['template', 'subject', 'recipients']).orderBy('created_at').execute();

  it("changes the browser's rating of the same employee within a day: one row, the manager told of the change", async () => {
    await setup();
    const first = await (
      await post({
        subject: 'employee',
        employee: 'ivanov',
        score: 2,
        comment: 'Долго',
        email: 'anna@client.ru',
        raterToken: TOKEN,
      })
    ).json();
    t.clock.advance(3 * 60 * 60 * 1000);
    const res = await post({
      subject: 'employee',
      employee: 'ivanov',
      score: 5,
      comment: 'Перезвонил, всё решили',
      publish: true,
      raterToken: TOKEN,
      page: 'https://site.example/r/ivanov?score=5',
    });
    expect(res.status).toBe(201);
    const second = await res.json();
    expect(second).toMatchObject({ id: first.id, number: first.number, score: 5, changed: true });
    const rows = await ratings();
    expect(rows).toHaveLength(1);
    // The contacts left blank the second time are kept.
    expect(rows[0]).toMatchObject({ score: 5, message: 'Перезвонил, всё решили', publish: 1, email: 'anna@client.ru' });
    const mail = await outbox();
    const changed = mail.filter((m) => m.subject.includes('Оценка изменена'));
    expect(changed.map((m) => JSON.parse(m.recipients)[0]).sort()).toEqual(['boss@example.ru', 'smk@example.ru']);
    expect(changed[0]!.subject).toBe('Оценка изменена: 5 из 5 — Иванов Иван');
    // The page he changed it on, as the card shows it.
    const texts = await t.db
      .selectFrom('outbox')
      .select('text')
      .where('subject', 'like', '%Оценка изменена%')
      .execute();
    for (const m of texts) expect(m.text).toContain('Страница: https://site.example/r/ivanov?score=5');
    // One thank-you to the client, for the first send; no second new-rating message.
    expect(mail.filter((m) => m.template === 'rating-ack')).toHaveLength(1);
    expect(mail.filter((m) => /^(Копия СМК: )?Оценка \d/.test(m.subject))).toHaveLength(2);
    const events = await t.db.selectFrom('submission_events').selectAll().execute();
    expect(events.map((e) => [e.type, JSON.parse(e.data)])).toEqual([
      [
        'rating',
        {
          from: { score: 2, comment: 'Долго', publish: false },
          to: { score: 5, comment: 'Перезвонил, всё решили', publish: true },
        },
      ],
    ]);
    // Consent to publish given now: the review waits for a moderator.
    expect(await t.db.selectFrom('reviews').select('status').execute()).toEqual([{ status: 'pending' }]);
  });

  it.each(DB_KINDS)('keeps one rating when the same browser sends several at once (%s)', async (kind) => {
    t = await buildTestApp(kind);
    const sends = await Promise.all(
      [1, 2, 3, 4, 5, 4].map((score) => post({ subject: 'delivery', score, raterToken: TOKEN })),
    );
    expect(sends.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const answers = await Promise.all(sends.map((r) => r.json()));
    expect(new Set(answers.map((a) => a.number)).size).toBe(1);
    expect(await ratings()).toHaveLength(1);
  });

  it('knows the browser by the cookie it was given, as the rating page with or without JavaScript sends it', async () => {
    await setup();
    const first = await post({ subject: 'delivery', score: 3 });
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^otklik_rater=[\w-]{16,64}; Max-Age=86400; Path=\/; HttpOnly; SameSite=Lax$/);
    const again = await post({ subject: 'delivery', score: 1 }, { cookie: cookie.split(';')[0]! });
    expect((await again.json()).changed).toBe(true);
    expect((await ratings()).map((r) => r.score)).toEqual([1]);
  });

  it('adds a new rating for another target, another browser, a day later, and changes nothing on a repeated send', async () => {
    await setup();
    const rate = async (body: Record<string, unknown>) => (await post({ raterToken: TOKEN, ...body })).json();
    await rate({ subject: 'employee', employee: 'ivanov', score: 4 });
    expect((await rate({ subject: 'delivery', score: 4 })).changed).toBeUndefined();
    expect(
      (await rate({ subject: 'employee', employee: 'ivanov', score: 4, raterToken: 'other-browser-0123456789' }))
        .changed,
    ).toBeUndefined();
    // The same rating sent again (a double click with a new key): nothing to tell anyone.
    const mails = (await outbox()).length;
    expect((await rate({ subject: 'employee', employee: 'ivanov', score: 4 })).changed).toBe(true);
    expect(await outbox()).toHaveLength(mails);
    expect(await t.db.selectFrom('submission_events').selectAll().execute()).toEqual([]);
    t.clock.advance(24 * 60 * 60 * 1000 + 1);
    expect((await rate({ subject: 'employee', employee: 'ivanov', score: 1 })).number).toBe('О-2026-00004');
    expect(await ratings()).toHaveLength(4);
  });

  it('takes the review off moderation when the consent to publish is withdrawn', async () => {
    await setup();
    await post({ subject: 'delivery', score: 5, comment: 'Отлично', publish: true, raterToken: TOKEN });
    expect(await t.db.selectFrom('reviews').selectAll().execute()).toHaveLength(1);
    await post({ subject: 'delivery', score: 5, comment: 'Отлично', raterToken: TOKEN });
    expect(await t.db.selectFrom('reviews').selectAll().execute()).toEqual([]);
    expect((await ratings())[0]!.publish).toBe(0);
  });
});

describe('GET /api/v1/subjects/:slug', () => {
  it("gives the subject's title in the asker's language, the Russian one when it has no English title", async () => {
    await setup();
    const title = async (lang: string) =>
      (await (await t.app.request('/api/v1/subjects/delivery', { headers: { 'accept-language': lang } })).json()).title;
    expect(await title('ru')).toBe('Качество доставки');
    expect(await title('en')).toBe('Delivery quality');
    expect((await t.app.request('/api/v1/subjects/delivery')).headers.get('vary')).toContain('Accept-Language');
    await saveSubject(t.db, t.clock, { slug: 'install', title: 'Монтаж', recipients: [] });
    expect(
      (await (await t.app.request('/api/v1/subjects/install', { headers: { 'accept-language': 'en' } })).json()).title,
    ).toBe('Монтаж');
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
    for (let n = 1; n <= 5; n++)
      expect(snippet).toContain(`href="https://feedback.example.ru/r/ivanov?score=${n}&amp;from=signature"`);
    expect(snippet.match(/&#9733;/g)).toHaveLength(5);
    // Each star link is named for a screen reader, not «★» five times.
    expect([...snippet.matchAll(/aria-label="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '1 из 5 — очень плохо ★',
      '2 из 5 — плохо ★',
      '3 из 5 — удовлетворительно ★',
      '4 из 5 — хорошо ★',
      '5 из 5 — отлично ★',
    ]);
    // The stars are links a client must see: 3:1 on white at least (WCAG 1.4.11).
    const colours = new Set([...snippet.matchAll(/<a [^>]*style="color:#([0-9a-f]{6})/g)].map((m) => m[1]!));
    expect(colours.size).toBe(1);
    const [hex] = [...colours];
    const rgb = [0, 2, 4].map((i) => Number.parseInt(hex!.slice(i, i + 2), 16));
    expect(contrastOnWhite(`rgb(${rgb.join(', ')})`)).toBeGreaterThanOrEqual(3);
    const text = await (await t.app.request('/api/v1/employees/ivanov/signature.txt')).text();
    expect(text).toContain('https://feedback.example.ru/r/ivanov?score=4&from=signature');
  });

  it('without PUBLIC_URL, links to the address asked, with the scheme a trusted proxy says the client used', async () => {
    const behindProxy = { Host: 'feedback.example.ru', 'X-Forwarded-Proto': 'https' };
    const signature = async () =>
      (
        await t.app.request('http://feedback.example.ru/api/v1/employees/ivanov/signature.txt', {
          headers: behindProxy,
        })
      ).text();
    await setup({ TRUST_PROXY: '1' });
    expect(await signature()).toContain('https://feedback.example.ru/r/ivanov?score=4&from=signature');
    await t.close();
    // Not behind a proxy: a client's header changes nothing.
    await setup({ TRUST_PROXY: '0' });
    expect(await signature()).toContain('http://feedback.example.ru/r/ivanov?score=4&from=signature');
  });
});
