import { afterEach, describe, expect, it } from 'vitest';
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
    // The same page posted twice (a refresh) counts once.
    const again = await t.app.request('/f', {
      method: 'POST',
      body: form({ kind: 'complaint', message: 'Не перезвонили', consent: 'true', idempotencyKey: 'hosted-1' }),
    });
    expect(again.headers.get('location')).toBe(location);
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

  it('speaks English with ?lang=en', async () => {
    t = await buildTestApp();
    const html = await (await t.app.request('/f?lang=en')).text();
    expect(html).toContain('Tell us about our work');
    expect(html).toContain('<html lang="en">');
  });
});
