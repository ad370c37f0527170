import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, PDF_BYTES } from '../../test/support/test-app.ts';
import { FIELD_ERRORS } from '../../shared/i18n.ts';

type T = Awaited<ReturnType<typeof buildTestApp>>;
let t: T;
afterEach(async () => t?.close());

const valid = {
  kind: 'complaint',
  message: 'Программа загружается 3–4 минуты',
  name: 'Лоськова Галина',
  organization: 'РРМОО',
  inn: '6165456519',
  phone: '(951) 5113523',
  email: 'client@example.ru',
  consent: true,
  page: 'https://example.ru/contacts',
};
const postJson = (body: unknown, headers: Record<string, string> = {}) =>
  t.app.request('/api/v1/feedback', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Vitest UA', ...headers },
    body: JSON.stringify(body),
  });
const postForm = (form: FormData, headers: Record<string, string> = {}) =>
  t.app.request('/api/v1/feedback', { method: 'POST', body: form, headers });
const formOf = (fields: Record<string, string>, files: File[] = []) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const file of files) f.append('files', file);
  return f;
};
const count = async () =>
  Number(
    (
      await t.db
        .selectFrom('submissions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('POST /api/v1/feedback', () => {
  it('stores a JSON message with every field, the consent record and its e-mails, and answers with the number', async () => {
    t = await buildTestApp();
    const res = await postJson(valid);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ number: '2026-00001', kind: 'complaint', createdAt: '2026-11-23T09:00:00.000Z' });
    expect(body.ack).toContain('Ваш запрос № 2026-00001 зарегистрирован');
    expect(body.ack).toContain('ООО «Пример»');
    const row = await t.db.selectFrom('submissions').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      id: body.id,
      channel: 'site',
      message: valid.message,
      name: valid.name,
      organization: 'РРМОО',
      inn: '6165456519',
      phone: '+79515113523',
      email: 'client@example.ru',
      page: valid.page,
      consent_version: expect.any(String),
      consent_at: body.createdAt,
      consent_user_agent: 'Vitest UA',
    });
    const mail = await t.db
      .selectFrom('outbox')
      .select(['recipients', 'reply_to', 'subject'])
      .orderBy('template')
      .execute();
    expect(mail.map((m) => JSON.parse(m.recipients))).toEqual(
      expect.arrayContaining([['smk@example.ru', 'ceo@example.ru'], ['client@example.ru']]),
    );
    expect(mail.some((m) => m.reply_to === 'client@example.ru' && m.subject.includes('2026-00001'))).toBe(true);
    expect(t.kicks()).toBe(1);
  });

  it('takes multipart with a PDF, recognised by content, with its SHA-256; a checkbox arrives as "on"', async () => {
    t = await buildTestApp();
    const res = await postForm(
      formOf({ ...valid, consent: 'on' }, [
        new File([PDF_BYTES], 'акт сверки.pdf', { type: 'application/octet-stream' }),
      ]),
    );
    expect(res.status).toBe(201);
    const file = await t.db.selectFrom('attachments').selectAll().executeTakeFirstOrThrow();
    expect(file).toMatchObject({ filename: 'акт сверки.pdf', mime: 'application/pdf', size: PDF_BYTES.length });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const mail = await t.db.selectFrom('outbox').select(['attachment_ids', 'template', 'text']).execute();
    expect(mail.some((m) => JSON.parse(m.attachment_ids).includes(file.id))).toBe(true);
    // The client's acknowledgement says his file arrived.
    expect(mail.find((m) => m.template === 'feedback-ack')!.text).toContain('Получено файлов: 1, всего 1 КБ.');
  });

  it('numbers messages sequentially per calendar year in Moscow time', async () => {
    t = await buildTestApp();
    const numbers = [];
    for (let i = 0; i < 3; i++) numbers.push((await (await postJson(valid)).json()).number);
    (t.clock as unknown as { set(s: string): void }).set('2026-12-31T21:00:00.000Z'); // 1 January 00:00 in Moscow
    numbers.push((await (await postJson(valid)).json()).number);
    expect(numbers).toEqual(['2026-00001', '2026-00002', '2026-00003', '2027-00001']);
  });

  it('answers a repeated idempotency key with the first answer and stores nothing new, even when requests race', async () => {
    t = await buildTestApp();
    const first = await (await postJson(valid, { 'idempotency-key': 'k-1' })).json();
    // A retry: the same message with a new proof of work.
    const again = await postJson({ ...valid, altcha: 'new-proof' }, { 'idempotency-key': 'k-1' });
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(first);
    const raced = await Promise.all(Array.from({ length: 6 }, () => postJson({ ...valid, idempotencyKey: 'k-2' })));
    const answers = await Promise.all(raced.map((r) => r.json()));
    expect(new Set(answers.map((a) => a.number)).size).toBe(1);
    expect(await count()).toBe(2);
  });

  it('stores another message sent under a key already used, instead of answering it with the first', async () => {
    t = await buildTestApp();
    const first = await (await postJson({ ...valid, kind: 'thanks' }, { 'idempotency-key': 'k-1' })).json();
    // A form brought back by the Back button, or a widget's text edited after a lost answer.
    const other = await postJson(
      { ...valid, message: 'А вот бухгалтерия ошиблась в счёте' },
      { 'idempotency-key': 'k-1' },
    );
    expect(other.status).toBe(201);
    const second = await other.json();
    expect(second.number).not.toBe(first.number);
    expect(second.kind).toBe('complaint');
    const stored = await t.db.selectFrom('submissions').select('message').orderBy('number').execute();
    expect(stored.map((s) => s.message)).toEqual([valid.message, 'А вот бухгалтерия ошиблась в счёте']);
    // Each one's retry still gets its own answer.
    const retry = await postJson(
      { ...valid, message: 'А вот бухгалтерия ошиблась в счёте' },
      { 'idempotency-key': 'k-1' },
    );
    expect((await retry.json()).number).toBe(second.number);
  });

  it('answers a filled honeypot as accepted and stores nothing', async () => {
    t = await buildTestApp();
    const res = await postJson({ ...valid, website: 'http://spam.example' });
    expect(res.status).toBe(201);
    expect((await res.json()).number).toMatch(/^\d{4}-\d{5}$/);
    expect(await count()).toBe(0);
    expect(await t.db.selectFrom('outbox').selectAll().execute()).toEqual([]);
  });

  it('names every invalid field with 422, in Russian by default and English on request', async () => {
    t = await buildTestApp();
    const bad = { kind: 'praise', message: '  ', inn: '6165456518', phone: '12345', email: 'client@', consent: false };
    const ru = await postJson(bad);
    expect(ru.status).toBe(422);
    const body = await ru.json();
    expect(body.error.code).toBe('validation');
    expect(body.error.message).toBe('Проверьте поля формы');
    expect(Object.keys(body.error.fields).sort()).toEqual(['consent', 'email', 'inn', 'kind', 'message', 'phone']);
    expect(body.error.fields.inn).toContain('ИНН');
    const en = await (await postJson(bad, { 'accept-language': 'en-US,en;q=0.9' })).json();
    expect(en.error.message).toBe('Please check the form fields');
    expect(en.error.fields.consent).toBe('Consent to the processing of personal data is required');
    // A message that shows nothing (Hangul fillers, a Braille blank) is none.
    const invisible = await postJson({ kind: 'complaint', message: '\u3164\u2800', consent: true });
    expect([invisible.status, Object.keys((await invisible.json()).error.fields)]).toEqual([422, ['message']]);
    // Control characters alone are no blank: refused as such, as before.
    const bell = await (await postJson({ kind: 'complaint', message: 'x', name: '\u0007', consent: true })).json();
    expect(bell.error.fields).toEqual({ name: 'Уберите служебные символы' });
    expect(await count()).toBe(0);
  });

  it('rejects a message over 5000 characters and more than 5 files with 422', async () => {
    t = await buildTestApp();
    const long = await postJson({ ...valid, message: 'а'.repeat(5001) });
    expect(long.status).toBe(422);
    expect((await long.json()).error.fields.message).toBe(
      'Не больше 5000 знаков: сократите текст или приложите его файлом',
    );
    // A too long name or organisation says how long it may be.
    const names = await postJson({ ...valid, name: 'я'.repeat(201), organization: 'ф'.repeat(301) });
    expect((await names.json()).error.fields).toEqual({
      name: 'Слишком длинный текст: не больше 200 знаков',
      organization: 'Слишком длинный текст: не больше 300 знаков',
    });
    const en = await postJson({ ...valid, organization: 'ф'.repeat(301) }, { 'accept-language': 'en' });
    expect((await en.json()).error.fields.organization).toBe('The text is too long: 300 characters at most');
    const six = Array.from({ length: 6 }, (_, i) => new File([PDF_BYTES], `${i}.pdf`));
    const res = await postForm(formOf({ ...valid, consent: 'true' }, six));
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields).toHaveProperty('files');
  });

  it('answers a malformed body with 400', async () => {
    t = await buildTestApp();
    for (const body of ['{"kind": "thanks",', '[1,2]', 'null']) {
      const res = await t.app.request('/api/v1/feedback', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('bad_request');
    }
    const broken = await t.app.request('/api/v1/feedback', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="kind"\r\n\r\nthanks',
    });
    expect(broken.status).toBe(400);
  });

  it('answers an unsupported content type and a forbidden file type with 415', async () => {
    t = await buildTestApp();
    const plain = await t.app.request('/api/v1/feedback', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(plain.status).toBe(415);
    const exe = new File(
      [new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0, 0x04, 0, 0, 0, 0xff, 0xff, 0, 0])],
      'invoice.pdf',
    );
    const res = await postForm(formOf({ ...valid, consent: 'on' }, [exe]));
    expect(res.status).toBe(415);
    // Named: the client who attached five files learns which one.
    expect((await res.json()).error.fields.files).toBe(`${FIELD_ERRORS.ru.fileType}: invoice.pdf`);
    expect(await count()).toBe(0);
  });

  it('says an empty file is empty, not of a refused kind', async () => {
    t = await buildTestApp();
    const res = await postForm(formOf({ ...valid, consent: 'on' }, [new File([], 'пустой.txt')]));
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields).toEqual({ files: 'Пустой файл (выберите файл с содержимым): пустой.txt' });
    expect(await count()).toBe(0);
  });

  it('answers a file over MAX_FILE_MB and a body over the limit with 413', async () => {
    t = await buildTestApp('sqlite', { MAX_FILE_MB: '0.01' });
    const big = new File([PDF_BYTES, new Uint8Array(20_000)], 'big.pdf');
    const res = await postForm(formOf({ ...valid, consent: 'on' }, [big]));
    expect(res.status).toBe(413);
    expect((await res.json()).error.fields).toHaveProperty('files');
    const huge = await postJson({ ...valid, message: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe('too_large');
  });

  it('allows cross-origin posts only from ALLOWED_ORIGINS, and lets another site read why its post was refused', async () => {
    t = await buildTestApp('sqlite', { ALLOWED_ORIGINS: 'https://example.ru, https://shop.example.ru' });
    const preflight = (origin: string) =>
      t.app.request('/api/v1/feedback', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,idempotency-key',
        },
      });
    expect((await preflight('https://shop.example.ru')).headers.get('access-control-allow-origin')).toBe(
      'https://shop.example.ru',
    );
    // Another site's preflight passes, so that its widget reads the refusal instead of failing as
    // if the server were down (a `www.` address forgotten in the list, a sandboxed frame's `null`).
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBe(
      'https://evil.example',
    );
    const refused = await t.app.request('/api/v1/feedback', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json', 'accept-language': 'ru' },
      body: JSON.stringify({ kind: 'complaint', message: 'Привет', consent: true }),
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    expect(refused.headers.get('vary')).toContain('Origin');
    expect((await refused.json()).error.message).toBe(
      'Запросы с этого сайта не принимаются: его нет в списке разрешённых',
    );
    expect(await t.db.selectFrom('submissions').select('id').execute()).toEqual([]);
  });

  it('names the allowed origin on the answer itself and varies by it, beside what the route varies by', async () => {
    t = await buildTestApp('sqlite', { ALLOWED_ORIGINS: 'https://example.ru, https://shop.example.ru' });
    const reviews = (origin: string) => t.app.request('/api/v1/reviews', { headers: { origin } });
    const allowed = await reviews('https://shop.example.ru');
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example.ru');
    expect(allowed.headers.get('vary')).toBe('Accept-Language, Origin');
    const foreign = await reviews('https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(foreign.headers.get('vary')).toBe('Accept-Language, Origin');
    // A refusal carries it too: the widget on an allowed site reads its 422.
    const refused = await t.app.request('/api/v1/feedback', {
      method: 'POST',
      headers: { origin: 'https://example.ru', 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'complaint', message: '', consent: true }),
    });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('access-control-allow-origin')).toBe('https://example.ru');
    await t.close();
    t = await buildTestApp('sqlite', { ALLOWED_ORIGINS: '*' });
    const any = await t.app.request('/api/v1/reviews', { headers: { origin: 'https://anywhere.example' } });
    expect(any.headers.get('access-control-allow-origin')).toBe('*');
    expect(any.headers.get('vary')).toBe('Accept-Language');
  });
});

describe('what the client is told, by the kind of his message', () => {
  const mailTo = (email: string) =>
    t.db
      .selectFrom('outbox')
      .select(['subject', 'text'])
      .where('template', '=', 'feedback-ack')
      .where('recipients', 'like', `%${email}%`)
      .executeTakeFirstOrThrow();

  it('answers a thanks and a suggestion in their own words, a complaint in the seed’s, in the widget and the e-mail', async () => {
    t = await buildTestApp();
    const complaint = await (await postJson(valid)).json();
    expect(complaint.confirmation).toEqual({
      title: 'Ваша заявка принята!',
      thanks: 'Спасибо за заявку!',
      next: 'Обращение будет обработано службой менеджмента качества в течение 3-х рабочих дней. Срок ответа — до 26 ноября 2026 г.',
    });
    expect(complaint.ack).toBe(
      'Благодарим Вас за обращение. Ваш запрос № 2026-00001 зарегистрирован и передан в службу менеджмента качества ООО «Пример». Ответ будет подготовлен и предоставлен Вам в течение трёх рабочих дней, не считая день получения обращения. Срок ответа — до 26 ноября 2026 г.',
    );

    const thanks = await (await postJson({ ...valid, kind: 'thanks', email: 'thanks@example.ru' })).json();
    expect(thanks.confirmation.title).toBe('Спасибо за благодарность!');
    for (const said of [
      thanks.confirmation.thanks,
      thanks.confirmation.next,
      thanks.ack,
      (await mailTo('thanks@')).text,
    ])
      expect(said).not.toMatch(/заявк|Ответ будет подготовлен|Срок ответа|рабочих дн/);
    expect(thanks.ack).toContain('Ваша благодарность № 2026-00002');
    expect((await mailTo('thanks@')).text).toContain(thanks.ack);

    const suggestion = await (await postJson({ ...valid, kind: 'suggestion', email: 'idea@example.ru' })).json();
    expect(suggestion.confirmation.title).toBe('Спасибо за предложение!');
    expect(suggestion.confirmation.next).toBe(
      'Служба менеджмента качества рассмотрит его в течение 3-х рабочих дней. Срок рассмотрения — до 26 ноября 2026 г.',
    );
    expect(suggestion.ack).not.toMatch(/Ответ будет подготовлен/);
    // The date as the API says it for a suggestion: its consideration, as the form and the e-mail say.
    expect(suggestion.answerByText).toBe('Срок рассмотрения — до 26 ноября 2026 г.');
    expect(complaint.answerByText).toBe('Срок ответа — до 26 ноября 2026 г.');
    expect((await mailTo('idea@')).text).toContain('Ваше предложение № 2026-00003');
  });

  it('in English for an English request, with no Russian left', async () => {
    t = await buildTestApp('sqlite', { COMPANY_NAME: 'Example Ltd' });
    for (const kind of ['thanks', 'complaint', 'suggestion']) {
      const body = await (
        await postJson({ ...valid, kind, email: `${kind}@example.ru` }, { 'accept-language': 'en' })
      ).json();
      expect(Object.values(body.confirmation).join(' ') + body.ack).not.toMatch(/[а-яё]/i);
      const mail = await mailTo(`${kind}@`);
      expect(mail.subject + mail.text.replace(valid.message, '').replace(/Лоськова|РРМОО/g, '')).not.toMatch(/[а-яё]/i);
    }
  });

  it('gives an answer stored before confirmations existed one when its key comes again', async () => {
    t = await buildTestApp();
    const first = await (await postJson({ ...valid, kind: 'thanks' }, { 'idempotency-key': 'old-1' })).json();
    const { confirmation: _gone, ...stored } = first;
    await t.db
      .updateTable('submissions')
      .set({ response: JSON.stringify(stored) })
      .execute();
    const again = await (await postJson({ ...valid, kind: 'thanks' }, { 'idempotency-key': 'old-1' })).json();
    expect(again).toMatchObject({ id: first.id, confirmation: first.confirmation });
  });
});
