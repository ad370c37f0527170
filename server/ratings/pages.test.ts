import { afterEach, describe, expect, it } from 'vitest';
import { saveEmployee, setEmployeeActive } from '../directory/store.ts';
import { buildTestApp } from '../../test/support/test-app.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
afterEach(async () => t?.close());

async function setup() {
  t = await buildTestApp('sqlite', { PUBLIC_URL: 'https://feedback.example.ru' });
  await saveEmployee(t.db, t.clock, {
    slug: 'ivanov',
    name: 'Иванов <b>Иван</b>',
    position: 'Инженер',
    department: 'ДКС',
    managerEmail: 'boss@example.ru',
  });
}
const count = async (table: 'submissions' | 'outbox') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const SCANNERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
  'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17029; Pro)',
  'Mimecast-URL-Protect/1.0',
  'Proofpoint URL Defense',
  'BarracudaCentral',
  'curl/8.5.0',
  '',
];

describe('rating page /r/:slug', () => {
  it('records nothing on GET or HEAD of any link, whoever asks, however often', async () => {
    await setup();
    const links = [1, 2, 3, 4, 5]
      .map((n) => `/r/ivanov?score=${n}`)
      .concat('/r/ivanov', '/r/delivery?score=1', '/r/ivanov?score=5&publish=true&comment=x');
    const requests = [];
    for (let round = 0; round < 20; round++) {
      for (const link of links) {
        for (const method of ['GET', 'HEAD']) {
          requests.push(t.app.request(link, { method, headers: { 'user-agent': SCANNERS[round % SCANNERS.length]! } }));
        }
      }
    }
    const answers = await Promise.all(requests);
    expect(answers.every((r) => r.status === 200)).toBe(true);
    expect(answers.length).toBe(20 * 8 * 2);
    expect(await count('submissions')).toBe(0);
    expect(await count('outbox')).toBe(0);
  });

  it('shows who is rated and the chosen score, escaped, and no score for a wrong one', async () => {
    await setup();
    const html = await (await t.app.request('/r/ivanov?score=4')).text();
    expect(html).toContain('Расскажите моему руководителю, как я работаю!');
    expect(html).toContain('Иванов &lt;b&gt;Иван&lt;/b&gt;');
    expect(html).toContain('Инженер');
    expect(html).toMatch(/value="4" checked/);
    expect(html).toContain('Комментарий по работе менеджера или пожелания по качеству предоставляемых услуг');
    expect(html).toContain('Я согласен на публикацию отзыва на сайте');
    expect(html).toContain('<otklik-rating subject="employee" employee="ivanov" lang="ru" header="none" score="4">');
    for (const wrong of ['0', '6', 'abc', '4.5'])
      expect(await (await t.app.request(`/r/ivanov?score=${wrong}`)).text()).not.toMatch(/value="\d" checked/);
    expect(await (await t.app.request('/r/delivery')).text()).toContain('Оцените качество доставки');
    expect((await t.app.request('/r/nobody')).status).toBe(404);
  });

  it('records the rating on POST and redirects to a thank-you page', async () => {
    await setup();
    const form = new URLSearchParams({
      score: '4',
      comment: 'Всё быстро',
      publish: 'true',
      name: '',
      email: '',
      idempotencyKey: 'page-1',
    });
    const res = await t.app.request('/r/ivanov', { method: 'POST', body: form });
    expect(res.status).toBe(303);
    const thanks = await (await t.app.request(res.headers.get('location')!)).text();
    expect(thanks).toContain('Спасибо за отзыв!');
    expect(thanks).toContain('2026-00001');
    expect(thanks).toContain('★★★★☆');
    const row = await t.db.selectFrom('submissions').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      score: 4,
      message: 'Всё быстро',
      publish: 1,
      channel: 'signature',
      subject: 'employee',
    });
    // The page posted again (a refresh) counts once.
    await t.app.request('/r/ivanov', { method: 'POST', body: form });
    expect(await count('submissions')).toBe(1);
  });

  it('shows errors and keeps what was typed when the score is missing', async () => {
    await setup();
    const res = await t.app.request('/r/ivanov', {
      method: 'POST',
      body: new URLSearchParams({ comment: '<script>x</script>' }),
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Поставьте оценку от 1 до 5');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;</textarea>');
    expect(await count('submissions')).toBe(0);
  });

  it("answers an inactive employee's links politely and accepts nothing", async () => {
    await setup();
    await setEmployeeActive(t.db, t.clock, 'ivanov', false);
    const page = await t.app.request('/r/ivanov?score=5');
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('Сотрудник больше не работает в компании');
    const post = await t.app.request('/r/ivanov', { method: 'POST', body: new URLSearchParams({ score: '5' }) });
    expect(post.status).toBe(410);
    expect(await count('submissions')).toBe(0);
    expect((await t.app.request('/s/ivanov')).status).toBe(404);
  });
});

describe('signature page /s/:slug', () => {
  it('previews the snippet with a copy button and instructions for the common mail programs', async () => {
    await setup();
    const html = await (await t.app.request('/s/ivanov')).text();
    expect(html).toContain('Скопировать подпись');
    for (const app of ['Outlook', 'Gmail', 'Яндекс Почта', 'Mail.ru', 'Thunderbird']) expect(html).toContain(app);
    expect(html).toContain('href="https://feedback.example.ru/r/ivanov?score=5"');
  });
});
