import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGE_MAX } from '../../shared/limits.ts';
import { buildTestApp, PDF_BYTES } from '../../test/support/test-app.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
afterEach(async () => t?.close());

const form = (fields: Record<string, string>, files: File[] = []) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const file of files) f.append('files', file);
  if (files.length === 0) f.append('files', new File([], '')); // an empty file input still posts a part
  return f;
};

describe('hosted form /f', () => {
  it('renders the seed form with every field, an idempotency key and the widget enhancement', async () => {
    t = await buildTestApp();
    const html = await (await t.app.request('/f')).text();
    for (const text of [
      'Оставьте отзыв о нашей работе',
      'Благодарность',
      'Жалоба',
      'Предложение',
      'Ваше сообщение',
      'Ф.И.О.',
      'Организация',
      'ИНН',
      'Тел.',
      'E-mail',
      'Файл',
      'соглашения об использовании моих персональных данных',
      'Отправить',
    ])
      expect(html).toContain(text);
    expect(html).toMatch(/<form[^>]+method="post"[^>]+enctype="multipart\/form-data"/);
    expect(html).toMatch(/name="idempotencyKey" value="[0-9a-f-]{36}"/);
    expect(html).toContain('<script src="/embed.js" async></script>');
    expect(html).toContain('<otklik-feedback');
  });

  it('takes a message of exactly the limit whose line breaks the browser posts as CRLF', async () => {
    t = await buildTestApp();
    // 50 lines of 99 letters and a break: MESSAGE_MAX characters in the textarea, 50 more as posted.
    const message = Array.from({ length: 50 }, () => 'ж'.repeat(99)).join('\r\n');
    expect(message.replaceAll('\r\n', '\n').length + 1).toBe(MESSAGE_MAX);
    const body = form({ kind: 'suggestion', message: `${message}\r\n`, consent: 'true' });
    const res = await t.app.request('/f', { method: 'POST', body });
    expect(res.status).toBe(303);
    const row = await t.db.selectFrom('submissions').select('message').executeTakeFirstOrThrow();
    expect(row.message).toBe(message.replaceAll('\r\n', '\n'));
  });

  it('takes a post without JavaScript and redirects to a thank-you page with the number', async () => {
    t = await buildTestApp();
    const res = await t.app.request('/f', {
      method: 'POST',
      body: form(
        {
          kind: 'complaint',
          message: 'Не перезвонили',
          consent: 'true',
          name: '',
          email: '',
          idempotencyKey: 'hosted-1',
        },
        [new File([PDF_BYTES], 'scan.pdf')],
      ),
    });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/f\/thanks\//);
    const thanks = await (await t.app.request(location)).text();
    expect(thanks).toContain('Ваша заявка принята!');
    expect(thanks).toContain('Спасибо за заявку!');
    expect(thanks).toContain('2026-00001');
    expect(thanks).toContain('в течение 3-х рабочих дней');
    // The same page posted twice (a refresh, the same file) counts once.
    const again = await t.app.request('/f', {
      method: 'POST',
      body: form({ kind: 'complaint', message: 'Не перезвонили', consent: 'true', idempotencyKey: 'hosted-1' }, [
        new File([PDF_BYTES], 'scan.pdf'),
      ]),
    });
    expect(again.headers.get('location')).toBe(location);
    // Back, and the same text with another file: a new message, the file kept with it.
    const withFile = await t.app.request('/f', {
      method: 'POST',
      body: form({ kind: 'complaint', message: 'Не перезвонили', consent: 'true', idempotencyKey: 'hosted-1' }, [
        new File([PDF_BYTES, new Uint8Array([1, 2, 3])], 'договор.pdf'),
      ]),
    });
    expect(withFile.headers.get('location')).not.toBe(location);
    const files = await t.db.selectFrom('attachments').select('filename').orderBy('filename').execute();
    expect(files.map((f) => f.filename)).toEqual(['scan.pdf', 'договор.pdf']);
  });

  it('shows errors next to the fields, keeps what was typed, escaped', async () => {
    t = await buildTestApp();
    const res = await t.app.request('/f', {
      method: 'POST',
      body: form({ kind: 'thanks', message: '<img src=x onerror=alert(1)>', inn: '123', consent: '' }),
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Проверьте ИНН');
    expect(html).toContain('Нужно согласие');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;</textarea>');
    expect(html).not.toContain('<img src=x');
    expect(html).toMatch(/value="thanks" checked/);
  });

  it('sums the errors up top with links to the fields, focused without JavaScript, and says the files must be attached again', async () => {
    t = await buildTestApp();
    const post = (files: File[]) =>
      t.app.request('/f', {
        method: 'POST',
        body: form({ kind: 'complaint', message: 'Сломалось', email: 'ivan@mail', consent: 'true' }, files),
      });
    const res = await post([new File([PDF_BYTES], 'фото повреждения.pdf')]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('<title>Ошибка: Оставьте отзыв о нашей работе');
    const summary = /<div class="alert" role="alert" tabindex="-1" autofocus>(.*?)<\/div>/s.exec(html)![1]!;
    expect(summary).toBe(
      '<p>Проверьте поля формы</p><ul><li><a href="#f-email">E-mail: Проверьте адрес электронной почты</a></li><li><a href="#f-files">Файл: Файлы не сохранились: прикрепите их заново.</a></li></ul>',
    );
    // The kind's own message names its choices: no «Тип обращения: Выберите: …».
    const noKind = await t.app.request('/f', {
      method: 'POST',
      body: form({ message: 'Сломалось', consent: 'true' }, []),
    });
    const noKindPage = await noKind.text();
    expect(noKindPage).toContain('<li><a href="#f-kind">Выберите: благодарность, жалоба или предложение</a></li>');
    // Each choice says it is wrong and why, as the widget's do: a screen reader going through them hears it.
    expect(
      noKindPage.match(/<input type="radio"[^>]* aria-invalid="true" aria-describedby="kind-error">/g),
    ).toHaveLength(3);
    // Every field the summary may link to is there by its id.
    for (const id of [
      'f-kind',
      'f-message',
      'f-name',
      'f-organization',
      'f-inn',
      'f-phone',
      'f-email',
      'f-files',
      'f-consent',
    ])
      expect(html).toContain(` id="${id}"`);
    // A browser keeps no file across pages: the client is told, not left to send without it.
    // Named «Файл» alone, its rule and then what went wrong read as its description.
    expect(html).toContain('<label for="f-files">Файл</label><div class="hint" id="files-hint">');
    expect(html).toContain('aria-describedby="files-hint files-error"');
    expect(html).toContain('<div class="error" id="files-error">Файлы не сохранились: прикрепите их заново.</div>');
    expect(await (await post([])).text()).not.toContain('Файлы не сохранились');
    expect(await t.db.selectFrom('submissions').select('id').execute()).toEqual([]);
  });

  it('says what files it takes when one is too large', async () => {
    t = await buildTestApp('sqlite', { MAX_FILE_MB: '1' });
    const big = new Uint8Array(1_100_000);
    big.set(PDF_BYTES);
    const res = await t.app.request('/f', {
      method: 'POST',
      body: form({ kind: 'complaint', message: 'Сломалось', consent: 'true' }, [new File([big], 'скан.pdf')]),
    });
    expect(res.status).toBe(413);
    const page = await res.text();
    // Marked wrong as an attribute, not as the text «"true"» in quotes (which drew no red border).
    expect(page).toMatch(/<input id="f-files" [^>]* aria-invalid="true" /);
    const summary = /<div class="alert" role="alert" tabindex="-1" autofocus>(.*?)<\/div>/s.exec(page)![1]!;
    expect(summary).toContain(
      '<a href="#f-files">Файл: Слишком большой размер: скан.pdf (До 5 файлов, до 1 МБ каждый: изображения, PDF, документы, текст)</a>',
    );
  });

  it('speaks English with ?lang=en', async () => {
    t = await buildTestApp();
    const html = await (await t.app.request('/f?lang=en')).text();
    expect(html).toContain('Tell us about our work');
    expect(html).toContain('<html lang="en">');
  });
});

describe('hosted form /f: language', () => {
  it("speaks the browser's language unless ?lang= says otherwise, and keeps ?lang= through the post and the thank-you page", async () => {
    t = await buildTestApp();
    const english = { 'accept-language': 'en-US,en;q=0.9,ru;q=0.8' };
    const chosen = await t.app.request('/f', { headers: english });
    expect(await chosen.text()).toContain('<html lang="en">');
    // A cache between keeps a copy per language; the form's key is kept by the client's browser alone.
    expect([chosen.headers.get('vary'), chosen.headers.get('cache-control')]).toEqual([
      'Accept-Language',
      'private, no-cache',
    ]);
    expect((await t.app.request('/f?lang=en', { headers: english })).headers.get('vary')).toBeNull();
    const legal = await t.app.request('/legal/personal-data', { headers: english });
    expect(legal.headers.get('vary')).toBe('Accept-Language');
    expect(await (await t.app.request('/f', { headers: { 'accept-language': 'ru-RU' } })).text()).toContain(
      '<html lang="ru">',
    );

    // A Russian link opened by a browser that asks for English: Russian to the end.
    const html = await (await t.app.request('/f?lang=ru', { headers: english })).text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('action="/f?lang=ru"');
    const res = await t.app.request('/f?lang=ru', {
      method: 'POST',
      headers: english,
      body: form({ kind: 'complaint', message: 'Не перезвонили', consent: 'true', idempotencyKey: 'lang-1' }),
    });
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/f\/thanks\/[^?]+\?lang=ru$/);
    const thanks = await (await t.app.request(location, { headers: english })).text();
    expect(thanks).toContain('Ваша заявка принята!');
    expect(thanks).toContain('href="/f?lang=ru"');
  });

  it('links the agreements in the English form to their English text, with no Russian left', async () => {
    t = await buildTestApp('sqlite', { COMPANY_NAME: 'Example Ltd' });
    const html = await (await t.app.request('/f?lang=en')).text();
    expect(html).toContain('href="/legal/personal-data?lang=en"');
    expect(html).toContain('href="/legal/terms?lang=en"');
    const visible = (page: string) =>
      page
        .replace(/<style>[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ');
    expect(visible(html)).not.toMatch(/[а-яё]/i);
    for (const path of ['/legal/personal-data?lang=en', '/legal/terms?lang=en']) {
      const page = await (await t.app.request(path)).text();
      expect(page).toContain('<html lang="en">');
      expect(page).toContain('Example Ltd');
      expect(visible(page)).not.toMatch(/[а-яё]/i);
    }
    expect(await (await t.app.request('/legal/personal-data?lang=en')).text()).toContain(
      'Consent to the processing of personal data',
    );
    expect(await (await t.app.request('/legal/personal-data')).text()).toContain(
      'Согласие на обработку персональных данных',
    );
  });
});

describe('hosted form /f and the agreements in English with a Russian company name', () => {
  it('mark the name lang="ru" in the text, so a screen reader reads it in Russian', async () => {
    t = await buildTestApp('sqlite', { COMPANY_NAME: 'ООО «Ромашка»' });
    const ru = '<span lang="ru">ООО «Ромашка»</span>';
    const form = await (await t.app.request('/f?lang=en')).text();
    expect(form).toContain(`<p>${ru} cares about the quality of its services`);
    for (const path of ['/legal/personal-data?lang=en', '/legal/terms?lang=en'])
      expect(await (await t.app.request(path)).text(), path).toMatch(new RegExp(`(give|of) ${ru}`));
    expect(await (await t.app.request('/legal/terms')).text()).not.toContain('lang="ru">ООО');
  });
});

describe("hosted form /f: the company's contact line and site", () => {
  const env = {
    COMPANY_CONTACT: 'Заполните заявку или обратитесь по тел. +7 863 300-10-00, руководитель СМК — Анна Матвеева',
    COMPANY_SITE: 'gendalf.ru',
  };

  it('shows the contact line under the intro, with and without JavaScript, and gives the widget the site', async () => {
    t = await buildTestApp('sqlite', env);
    const html = await (await t.app.request('/f')).text();
    expect(html).toContain(`<p class="hint contact">${env.COMPANY_CONTACT}</p>`);
    expect(html).toMatch(
      /<otklik-feedback [^>]*contact="Заполните заявку или обратитесь[^"]*"[^>]* site="https:\/\/gendalf.ru">/,
    );
    await t.close();
    t = await buildTestApp();
    const plain = await (await t.app.request('/f')).text();
    expect(plain).not.toContain('class="hint contact"');
    expect(plain).not.toMatch(/ (contact|site)="/);
  });

  it('offers another message and the company site after sending, not a page to go back to', async () => {
    t = await buildTestApp('sqlite', env);
    const res = await t.app.request('/f', {
      method: 'POST',
      body: form({ kind: 'thanks', message: 'Спасибо Ивану!', consent: 'true', idempotencyKey: 'site-1' }),
    });
    const thanks = await (await t.app.request(res.headers.get('location')!)).text();
    expect(thanks).toContain('<a href="/f?lang=ru">Отправить ещё одно обращение</a>');
    expect(thanks).toContain('<a href="https://gendalf.ru">Перейти на сайт gendalf.ru</a>');
  });

  it('answers a filled honeypot with the thank-you page at once: nothing stored, no address that says «not found»', async () => {
    t = await buildTestApp();
    const real = await t.app.request('/f', {
      method: 'POST',
      body: form({ kind: 'complaint', message: 'Не перезвонили', consent: 'true', idempotencyKey: 'real-1' }),
    });
    const realPage = await (await t.app.request(real.headers.get('location')!)).text();
    const trap = await t.app.request('/f', {
      method: 'POST',
      body: form({ kind: 'complaint', message: 'Не перезвонили', consent: 'true', website: 'http://spam.example' }),
    });
    expect(trap.status).toBe(200);
    const trapPage = await trap.text();
    // The same page but for the number: a decoy's, of this year.
    const numberOf = (page: string) => /<p class="number">([^<]+)<\/p>/.exec(page)![1]!;
    expect(numberOf(trapPage)).toMatch(/^2026-\d{5}$/);
    const same = (page: string) => page.replace(numberOf(page), '').replace(/nonce="[^"]+"/g, '');
    expect(same(trapPage)).toBe(same(realPage));
    expect(await t.db.selectFrom('submissions').select('id').execute()).toHaveLength(1);
  });

  it('says how long an organisation’s name may be when it is too long', async () => {
    t = await buildTestApp();
    const res = await t.app.request('/f', {
      method: 'POST',
      body: form({ kind: 'complaint', message: 'Не перезвонили', consent: 'true', organization: 'ф'.repeat(301) }),
    });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('Организация: Слишком длинный текст: не больше 300 знаков');
    expect(page).toContain(
      '<div class="error" id="organization-error">Слишком длинный текст: не больше 300 знаков</div>',
    );
  });

  it('answers a thanks with thanks, not with a complaint’s promise', async () => {
    t = await buildTestApp();
    const res = await t.app.request('/f?lang=en', {
      method: 'POST',
      body: form({ kind: 'thanks', message: 'Thank you, Ivan!', consent: 'true', idempotencyKey: 'thanks-1' }),
    });
    const thanks = await (await t.app.request(res.headers.get('location')!)).text();
    expect(thanks).toContain('Thank you for your kind words!');
    expect(thanks).not.toMatch(/has been received|working days|due by/);
  });
});
