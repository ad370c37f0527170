import { afterEach, describe, expect, it } from 'vitest';
import { saveEmployee, setEmployeeActive } from '../directory/store.ts';
import { buildTestApp } from '../../test/support/test-app.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
afterEach(async () => t?.close());

async function setup(env: Record<string, string> = {}) {
  t = await buildTestApp('sqlite', { PUBLIC_URL: 'https://feedback.example.ru', ...env });
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
    const html = await (await t.app.request('/r/ivanov?score=4&from=signature')).text();
    expect(html).toContain('Расскажите моему руководителю, как я работаю!');
    expect(html).toContain('Иванов &lt;b&gt;Иван&lt;/b&gt;');
    expect(html).toContain('Инженер');
    expect(html).toMatch(/value="4" checked/);
    expect(html).toContain('Я согласен на публикацию отзыва на сайте');
    expect(html).toContain(
      '<a href="/legal/personal-data?lang=ru" target="_blank" rel="noopener">Оставляя контакты, вы соглашаетесь',
    );
    expect(html).toContain(
      '<otklik-rating subject="employee" employee="ivanov" lang="ru" header="none" channel="signature" score="4">',
    );
    for (const wrong of ['0', '6', 'abc', '4.5'])
      expect(await (await t.app.request(`/r/ivanov?score=${wrong}`)).text()).not.toMatch(/value="\d" checked/);
    expect((await t.app.request('/r/nobody')).status).toBe(404);
  });

  it("speaks of each target in its own words, in both languages: the employee's own work, the subject by its title", async () => {
    await setup();
    const page = async (path: string) => (await t.app.request(path)).text();
    const ivanov = await page('/r/ivanov?score=4');
    expect(ivanov).toContain('Оцените мою работу по пятибалльной шкале');
    expect(ivanov).toContain('Комментарий о моей работе или пожелания по качеству предоставляемых услуг');
    expect(ivanov).not.toContain('менеджера');
    const delivery = await page('/r/delivery');
    expect(delivery).toContain('<h1>Оцените: Качество доставки</h1>');
    expect(delivery).toContain('Комментарий: что понравилось, что нам стоит улучшить');
    expect(delivery).not.toContain('менеджер');
    const ivanovEn = await page('/r/ivanov?lang=en');
    expect(ivanovEn).toContain('Rate my work from 1 to 5');
    expect(ivanovEn).toContain('A comment on my work, or wishes about the quality of our services');
    expect(ivanovEn).not.toContain('manager’s work');
    const deliveryEn = await page('/r/delivery?lang=en');
    expect(deliveryEn).toContain('<h1>Rate: Delivery quality</h1>');
    expect(deliveryEn).toContain('A comment: what you liked, what we should do better');
  });

  it('marks a service’s Russian-only title lang="ru" inside the English heading, not in the page’s title', async () => {
    await setup();
    await t.db.updateTable('rating_subjects').set({ title_en: null }).where('slug', '=', 'delivery').execute();
    const en = await (await t.app.request('/r/delivery?lang=en')).text();
    expect(en).toContain('<h1>Rate: <span lang="ru">Качество доставки</span></h1>');
    expect(en).toContain('<title>Rate: Качество доставки');
    const ru = await (await t.app.request('/r/delivery')).text();
    expect(ru).toContain('<h1>Оцените: Качество доставки</h1>');
  });

  it('marks an employee’s Russian name, position and department lang="ru" on the English page and its thank-you', async () => {
    await setup();
    const en = await (await t.app.request('/r/ivanov?lang=en')).text();
    expect(en).toMatch(/<strong><span lang="ru">[А-Я][^<]+<\/span><\/strong>/);
    expect(en).toMatch(/<br><span><span lang="ru">[^<]+<\/span><\/span>/);
    expect(await (await t.app.request('/r/ivanov')).text()).not.toContain('lang="ru"><');
    const res = await t.app.request('/r/ivanov?lang=en', { method: 'POST', body: new URLSearchParams({ score: '5' }) });
    const thanks = await (await t.app.request(res.headers.get('location')!)).text();
    expect(thanks).toMatch(/<p class="who"><span lang="ru">[А-Я][^<]+<\/span><\/p>/);
  });

  it('names the company on the page and shows its contact line under the intro, when it has one', async () => {
    await setup({ COMPANY_NAME: 'ООО «1С-Гэндальф»', COMPANY_CONTACT: 'Или позвоните: +7 863 200-11-22, СМК' });
    for (const path of ['/r/ivanov?score=5', '/r/delivery?lang=en']) {
      const html = await (await t.app.request(path)).text();
      // On the English page the Russian name and line are marked Russian, for a screen reader's voice.
      const ru = (text: string) => (path.endsWith('lang=en') ? `<span lang="ru">${text}</span>` : text);
      expect(html).toContain(`<header class="company"><div>${ru('ООО «1С-Гэндальф»')}</div></header>`);
      const contact = html.indexOf(`<p class="hint contact">${ru('Или позвоните: +7 863 200-11-22, СМК')}</p>`);
      expect(contact).toBeGreaterThan(html.indexOf('</h1>'));
      expect(contact).toBeLessThan(html.indexOf('<form'));
    }
    await t.close();
    await setup();
    expect(await (await t.app.request('/r/ivanov')).text()).not.toContain('class="hint contact"');
  });

  it('answers a filled honeypot with the same thank-you page at once, storing nothing', async () => {
    await setup();
    const post = (extra: Record<string, string>) =>
      t.app.request('/r/ivanov', {
        method: 'POST',
        body: new URLSearchParams({ score: '4', channel: 'signature', ...extra }),
      });
    const real = await post({ idempotencyKey: 'page-real' });
    const realPage = await (await t.app.request(real.headers.get('location')!)).text();
    const trap = await post({ website: 'http://spam.example' });
    expect(trap.status).toBe(200);
    const same = (page: string) => page.replace(/О-2026-\d{5}/, '№').replace(/nonce="[^"]+"/g, '');
    expect(same(await trap.text())).toBe(same(realPage));
    expect(await count('submissions')).toBe(1);
  });

  it('says how long a name may be when it is too long', async () => {
    await setup();
    const res = await t.app.request('/r/ivanov', {
      method: 'POST',
      body: new URLSearchParams({ score: '4', name: 'я'.repeat(201), idempotencyKey: 'long-name' }),
    });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('Имя: Слишком длинный текст: не больше 200 знаков');
    expect(page).toContain('>Слишком длинный текст: не больше 200 знаков</div>');
  });

  it('records the rating on POST and redirects to a thank-you page', async () => {
    await setup();
    const form = new URLSearchParams({
      score: '4',
      comment: 'Всё быстро',
      publish: 'true',
      name: '',
      email: '',
      channel: 'signature',
      idempotencyKey: 'page-1',
    });
    const res = await t.app.request('/r/ivanov', { method: 'POST', body: form });
    expect(res.status).toBe(303);
    const thanks = await (await t.app.request(res.headers.get('location')!)).text();
    expect(thanks).toContain('Спасибо за отзыв!');
    // Kept on one line on a phone: «О-2026-» above «00001» read as two numbers.
    expect(thanks).toContain('<strong class="nowrap">О-2026-00001</strong>');
    // An image named by its words: a screen reader says «4 из 5 — хорошо», not five star signs.
    expect(thanks).toContain('role="img" aria-label="4 из 5 — хорошо">★★★★☆<');
    expect(thanks).toContain('<p class="who">Иванов &lt;b&gt;Иван&lt;/b&gt;, Инженер</p>');
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

  it("counts a form post's line break (CRLF) as one character, as the page's maxlength does", async () => {
    await setup();
    // 20 lines of 99 letters and a break: 2000 characters in the textarea, 2020 as posted.
    const lines = Array.from({ length: 20 }, () => 'а'.repeat(99));
    const form = new URLSearchParams({ score: '4', comment: `${lines.join('\r\n')}\r\n` });
    const res = await t.app.request('/r/ivanov', { method: 'POST', body: form });
    expect(res.status).toBe(303);
    const row = await t.db.selectFrom('submissions').select('message').executeTakeFirstOrThrow();
    expect(row.message).toBe(lines.join('\n')); // stored as the widget sends it (the last break trimmed)
  });

  it('keeps the Russian of a ?lang=ru link through the post and the thanks, whatever the browser asks for', async () => {
    await setup();
    const english = { 'accept-language': 'en-US,en;q=0.9' };
    const html = await (await t.app.request('/r/ivanov?lang=ru', { headers: english })).text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)![1]!.replaceAll('&amp;', '&');
    expect(action).toBe('/r/ivanov?lang=ru');
    const form = new URLSearchParams({
      score: '5',
      comment: '',
      publish: 'false',
      channel: 'site',
      idempotencyKey: 'ru-1',
    });
    const res = await t.app.request(action, { method: 'POST', body: form, headers: english });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/r\/thanks\/[\w-]+\?lang=ru$/);
    const thanks = await (await t.app.request(res.headers.get('location')!, { headers: english })).text();
    expect(thanks).toContain('Спасибо за отзыв!');
    expect(thanks).toContain('href="/f?lang=ru"');
  });

  it('counts the rating under the channel the page was reached by, however it is sent', async () => {
    await setup();
    const channelOf = async (link: string) => {
      const html = await (await t.app.request(link)).text();
      const channel = /name="channel" value="(\w+)"/.exec(html)![1]!;
      // The widget posts what its element says; the plain form its hidden field: the same.
      expect(html).toContain(`channel="${channel}"`);
      return channel;
    };
    expect(await channelOf('/r/ivanov?score=4&from=signature')).toBe('signature');
    // A signature pasted before its links said so: only signatures give an employee's page a score.
    expect(await channelOf('/r/ivanov?score=4')).toBe('signature');
    expect(await channelOf('/r/ivanov')).toBe('site');
    expect(await channelOf('/r/ivanov?score=4&from=site')).toBe('site');
    expect(await channelOf('/r/ivanov?score=4&from=anything')).toBe('site');
    expect(await channelOf('/r/delivery?score=4')).toBe('site');
    const send = (channel: string | null) =>
      t.app.request('/r/delivery', {
        method: 'POST',
        body: new URLSearchParams({ score: '3', ...(channel && { channel }) }),
        headers: { cookie: `otklik_rater=browser-${channel}-0123456789abcdef` },
      });
    expect((await send('signature')).status).toBe(303);
    expect((await send(null)).status).toBe(303);
    const rows = await t.db.selectFrom('submissions').select('channel').orderBy('number').execute();
    expect(rows.map((r) => r.channel)).toEqual(['signature', 'site']);
  });

  it('records the address of the page a rating was sent from without JavaScript, as the widget does', async () => {
    await setup();
    const html = await (await t.app.request('/r/ivanov?score=1&from=signature')).text();
    const fields = Object.fromEntries(
      [...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [
        m[1]!,
        m[2]!.replaceAll('&amp;', '&'),
      ]),
    );
    // At PUBLIC_URL: the address the client reached, whatever the proxy's own.
    expect(fields.page).toBe('https://feedback.example.ru/r/ivanov?score=1&from=signature');
    const sent = await t.app.request('/r/ivanov', {
      method: 'POST',
      body: new URLSearchParams({ ...fields, score: '1' }),
    });
    expect(sent.status).toBe(303);
    const { page } = await t.db.selectFrom('submissions').select('page').executeTakeFirstOrThrow();
    expect(page).toBe('https://feedback.example.ru/r/ivanov?score=1&from=signature');
  });

  it('after a send: the thank-you page on reload; a second send from the same browser changes the first', async () => {
    await setup();
    const send = (score: string, comment: string, cookie?: string, publish?: boolean) =>
      t.app.request('/r/ivanov', {
        method: 'POST',
        body: new URLSearchParams({
          score,
          comment,
          idempotencyKey: `key-${score}`,
          channel: 'signature',
          ...(publish && { publish: 'true' }),
        }),
        headers: cookie ? { cookie } : {},
      });
    const first = await send('2', 'Долго & <нудно>', undefined, true);
    expect(first.status).toBe(303);
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const thanksUrl = first.headers.get('location')!;
    // The reload of the thank-you page is the thank-you page again.
    expect(await (await t.app.request(thanksUrl)).text()).toContain('Спасибо за отзыв!');
    // Back on the rating page the same day, the browser is told that a send changes its rating.
    const againPage = await t.app.request('/r/ivanov?score=5', { headers: { cookie } });
    // It shows his rating: no cache keeps it. An empty form is kept by his browser alone, so that
    // Back after a lost answer shows the same idempotency key and a second send is the same rating.
    expect(againPage.headers.get('cache-control')).toBe('no-store');
    expect((await t.app.request('/r/ivanov?score=5')).headers.get('cache-control')).toBe('private, no-cache');
    const again = await againPage.text();
    expect(again).toContain('Сегодня вы уже оценили: № О-2026-00001, 2 из 5 — плохо.');
    // The form starts from that rating: its comment, to be seen and changed, and its publication
    // allowed still (an unticked box would have taken it back unnoticed).
    expect(again).toContain('name="comment" maxlength="2000">Долго &amp; &lt;нудно&gt;</textarea>');
    expect(again).toMatch(/name="publish" value="true" checked/);
    // The tab says whose page it is.
    expect(again).toMatch(/<title>Иванов &lt;b&gt;Иван&lt;\/b&gt; — /);
    expect(await (await t.app.request('/r/ivanov?score=5')).text()).not.toContain('Сегодня вы уже оценили');
    const second = await send('5', 'Перезвонил, всё решили', cookie);
    expect(second.headers.get('location')).toBe(thanksUrl);
    expect(await count('submissions')).toBe(1);
    const thanks = await (await t.app.request(thanksUrl)).text();
    expect(thanks).toContain('★★★★★');
    expect(thanks).toContain('Вы изменили свою оценку: она заменила прежнюю.');
    const subjects = (await t.db.selectFrom('outbox').select('subject').execute()).map((m) => m.subject);
    expect(subjects).toContain('Оценка изменена: 5 из 5 — Иванов <b>Иван</b>');
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
    // Said first without JavaScript: in the tab's title, and the focus on the alert.
    expect(html).toMatch(/<title>Ошибка: [^<]+<\/title>/);
    expect(html).toContain('<div class="alert" role="alert" tabindex="-1" autofocus>');
    expect(await count('submissions')).toBe(0);
    // The alert names what is wrong and links to it, as /f's does.
    const wrong = await t.app.request('/r/ivanov', {
      method: 'POST',
      body: new URLSearchParams({ score: '2', email: 'anna@' }),
    });
    expect(wrong.status).toBe(422);
    const alert = /<div class="alert"[^>]*>([\s\S]*?)<\/div>/.exec(await wrong.text())![1]!;
    expect(alert).toContain('<a href="#r-email">E-mail: Проверьте адрес электронной почты</a>');
    expect(html).toContain(
      '<a href="#star-1">Оцените мою работу по пятибалльной шкале: Поставьте оценку от 1 до 5</a>',
    );
  });

  it("answers an inactive employee's links politely and accepts nothing", async () => {
    await setup();
    await setEmployeeActive(t.db, t.clock, 'ivanov', false);
    const page = await t.app.request('/r/ivanov?score=5');
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('Сотрудник больше не работает в компании');
    const post = await t.app.request('/r/ivanov', {
      method: 'POST',
      body: new URLSearchParams({ score: '5', comment: 'Спасибо <b>Ивану</b> за помощь' }),
    });
    expect(post.status).toBe(410);
    // The comment written for him is shown back to be copied, escaped.
    const gone = await post.text();
    expect(gone).toContain('Ваш комментарий не отправлен. Скопируйте его, чтобы написать нам:');
    expect(gone).toContain('readonly rows="5">Спасибо &lt;b&gt;Ивану&lt;/b&gt; за помощь</textarea>');
    expect(await count('submissions')).toBe(0);
    expect((await t.app.request('/s/ivanov')).status).toBe(404);
  });

  it('answers a broken link with a page offering the form, not an API error; capitals find the employee', async () => {
    await setup();
    for (const [path, lang, title, write] of [
      ['/r/nobody?score=5', 'ru', 'Страница оценки не найдена', 'href="/f?lang=ru">Написать в компанию'],
      ['/r/nobody?score=5&lang=en', 'en', 'Rating page not found', 'href="/f?lang=en">Write to the company'],
      ['/r/thanks/no-such-rating', 'ru', 'Страница оценки не найдена', 'href="/f?lang=ru">Написать в компанию'],
    ] as const) {
      const res = await t.app.request(path);
      expect([res.status, res.headers.get('content-type')], path).toEqual([404, 'text/html; charset=UTF-8']);
      const body = await res.text();
      expect(body, path).toContain(`<h1>${title}</h1>`);
      expect(body, path).toContain(write);
      expect(body, path).toContain(`lang="${lang}"`);
    }
    const typed = await t.app.request('/r/nobody', {
      method: 'POST',
      body: new URLSearchParams({ score: '5', comment: 'Спасибо' }),
    });
    expect(typed.status).toBe(404);
    expect(await typed.text()).toContain('readonly rows="5">Спасибо</textarea>');
    for (const [asked, to] of [
      ['/r/IVANOV?score=5&from=signature', '/r/ivanov?score=5&from=signature'],
      ['/r/%49vanov?score=5', '/r/ivanov?score=5'],
      ['/r/Iv%61nov', '/r/ivanov'],
      ['/r/ivanov/?score=5', '/r/ivanov?score=5'],
    ]) {
      const moved = await t.app.request(asked!);
      expect([asked, moved.status, moved.headers.get('location')]).toEqual([asked, 301, to]);
    }
    for (const bare of ['/r']) {
      const none = await t.app.request(bare);
      expect([bare, none.status, none.headers.get('content-type')]).toEqual([bare, 404, 'text/html; charset=UTF-8']);
    }
    expect(await count('submissions')).toBe(0);
  });
});

describe('the company on every hosted page', () => {
  it('names it in the header of the rating, thank-you, reviews, legal, survey and error pages', async () => {
    await setup({ COMPANY_NAME: 'ООО «Ромашка & Ко»' });
    const res = await t.app.request('/r/ivanov', { method: 'POST', body: new URLSearchParams({ score: '5' }) });
    const header = '<header class="company"><div>ООО «Ромашка &amp; Ко»</div></header>';
    for (const path of [
      '/r/ivanov',
      '/r/delivery?lang=en',
      res.headers.get('location')!,
      '/reviews',
      '/legal/personal-data',
      '/s/ivanov',
      '/f',
    ]) {
      const page = await t.app.request(path);
      expect(page.status, path).toBe(200);
      expect(
        (await page.text()).replace('<span lang="ru">ООО «Ромашка &amp; Ко»</span>', 'ООО «Ромашка &amp; Ко»'),
        path,
      ).toContain(header);
    }
    const missing = await t.app.request('/r/nobody', { headers: { accept: 'text/html' } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain(header);
  });
});

describe('signature page /s/:slug', () => {
  it('previews the snippet with a copy button and instructions for the common mail programs', async () => {
    await setup();
    const html = await (await t.app.request('/s/ivanov')).text();
    // Shown by its script: without JavaScript a button that does nothing is not offered.
    expect(html).toContain('<button type="button" id="copy" hidden>Скопировать подпись</button>');
    expect(await (await t.app.request('/s/copy.js')).text()).toContain('copy.hidden = false');
    for (const app of ['Outlook', 'Gmail', 'Яндекс Почта', 'Mail.ru', 'Thunderbird']) expect(html).toContain(app);
    expect(html).toContain('href="https://feedback.example.ru/r/ivanov?score=5&amp;from=signature"');
  });
});
