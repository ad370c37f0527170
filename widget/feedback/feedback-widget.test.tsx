import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { FIELD_ERRORS, FORM_TEXTS } from '../../shared/i18n.ts';
import { ACCEPTED_FILES } from '../../shared/limits.ts';
import { isSolved } from '../testing/challenge.ts';
import { mount } from './index.tsx';
import {
  BASE,
  COMPLAINT_CONFIRMATION,
  created,
  fillValid,
  json,
  leave,
  settle,
  setup,
  stubFetch,
  submit,
  type,
} from './test-helpers.ts';

const ru = FORM_TEXTS.ru;

// The widget waits out the minimum fill time before it sends: none here, so the tests are quick
// (feedback-proof-of-work.test.tsx tests the wait).
vi.mock('../../shared/limits.ts', async (original) => ({
  ...(await original<typeof import('../../shared/limits.ts')>()),
  MIN_FILL_MS: { feedback: 0, rating: 0 },
}));

// A form solves its proof of work from the first input on: every test has a server to ask.
beforeEach(() => {
  stubFetch();
});

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('<otklik-feedback> validation', () => {
  it("shows the shared schema's errors next to the fields they name and focuses the first", async () => {
    const { fetch } = stubFetch();
    const w = setup();
    await submit(w);
    expect(w.errorOf('kind')).toBe(FIELD_ERRORS.ru.kind);
    expect(w.errorOf('message')).toBe(FIELD_ERRORS.ru.required);
    expect(w.errorOf('consent')).toBe(FIELD_ERRORS.ru.consent);
    expect(w.errorOf('email')).toBeNull();
    expect(w.field('message').getAttribute('aria-invalid')).toBe('true');
    expect(w.root.activeElement).toBe(w.$('input[value="thanks"]'));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('checks a field when the client leaves it and clears the error once it is fixed', async () => {
    const w = setup();
    await type(w.field('inn'), '6165456518');
    await leave(w.field('inn'));
    expect(w.errorOf('inn')).toBe(FIELD_ERRORS.ru.inn);
    await type(w.field('inn'), '6165456519');
    expect(w.errorOf('inn')).toBeNull();
    expect(w.field('inn').hasAttribute('aria-invalid')).toBe(false);

    await type(w.field('phone'), '12');
    await leave(w.field('phone'));
    expect(w.errorOf('phone')).toBe(FIELD_ERRORS.ru.phone);
  });

  it('tells a client who pasted a too long message where the limit is', async () => {
    const w = setup();
    await type(w.field('message'), 'ж'.repeat(5001));
    await leave(w.field('message'));
    expect(w.errorOf('message')).toBe('Не больше 5000 знаков: сократите текст или приложите его файлом');
    await type(w.field('message'), 'ж'.repeat(5000));
    expect(w.errorOf('message')).toBeNull();
  });

  it('does not scold a field the client only passed through', async () => {
    const w = setup();
    w.field('message').focus();
    await leave(w.field('message'));
    expect(w.errorOf('message')).toBeNull();
  });
});

describe('<otklik-feedback> sending', () => {
  it('sends JSON with an idempotency key and shows the registration number', async () => {
    const { posts } = stubFetch(created('2026-00042'));
    const w = setup();
    await fillValid(w);
    await type(w.field('phone'), '8 (951) 511-35-23');
    await submit(w);

    const { url, headers, body } = posts()[0]!;
    expect(url).toBe(`${BASE}api/v1/feedback`);
    expect(headers['Accept-Language']).toBe('ru');
    expect(headers['Idempotency-Key']).toMatch(/^[\d-]{16,}$/);
    expect(body).toMatchObject({
      kind: 'complaint',
      message: 'Долго не отвечали на звонок',
      phone: '8 (951) 511-35-23',
      consent: true,
      idempotencyKey: headers['Idempotency-Key'],
    });
    expect(body).not.toHaveProperty('email');
    expect(await isSolved(body.altcha)).toBe(true);

    expect(w.$('h2')!.textContent).toBe('Ваша заявка принята!');
    expect(w.text()).toContain('Спасибо за заявку!');
    expect(w.$('.number strong')!.textContent).toBe('2026-00042');
    expect(w.text()).toContain('в течение 3-х рабочих дней. Срок ответа — до 26 ноября 2026 г.');
    expect(w.$('[role="status"]')!.textContent).toContain('2026-00042');
  });

  it('keeps the text and the idempotency key after a network failure, and sends once per click', async () => {
    const { posts } = stubFetch(new Error('offline'), json(503, {}), created('2026-00043'), created('2026-00044'));
    const w = setup();
    await fillValid(w, 'Текст, который нельзя терять');

    await submit(w);
    expect(w.text()).toContain(ru.networkError);
    expect(w.field('message').value).toBe('Текст, который нельзя терять');

    await submit(w); // a 5xx counts as a failure too
    expect(w.text()).toContain(ru.networkError);

    const retry = [...w.root.querySelectorAll('button')].find((b) => b.textContent === ru.retry)!;
    retry.click();
    retry.click(); // a double click while sending
    await vi.waitUntil(() => w.$('.number strong'), { timeout: 10_000 });
    expect(w.$('.number strong')!.textContent).toBe('2026-00043');
    expect(posts()).toHaveLength(3);
    const keys = posts().map((p) => p.headers['Idempotency-Key']);
    expect(new Set(keys).size).toBe(1);

    // A new draft gets a new key.
    [...w.root.querySelectorAll('button')].find((b) => b.textContent === ru.another)!.click();
    await settle();
    expect(w.field('message').value).toBe('');
    // The button is gone with the success view: the focus goes to the new form, not to the page's body.
    expect(w.root.activeElement).toBe(w.root.querySelector('form input'));
    await fillValid(w);
    await submit(w);
    expect(posts()[3]!.headers['Idempotency-Key']).not.toBe(keys[0]);
  });

  it("shows the server's field errors next to the fields and its message at the top", async () => {
    stubFetch(
      json(422, {
        error: {
          code: 'validation',
          message: 'Проверьте поля формы',
          fields: { email: 'Проверьте адрес электронной почты', files: FIELD_ERRORS.ru.fileType },
        },
      }),
    );
    const w = setup();
    await fillValid(w);
    await submit(w);
    expect(w.errorOf('email')).toBe('Проверьте адрес электронной почты');
    expect(w.errorOf('files')).toBe(FIELD_ERRORS.ru.fileType);
    expect(w.$('.notice')!.textContent).toBe('Проверьте поля формы');
    expect(w.root.activeElement).toBe(w.field('email'));
    expect(w.field('message').value).toBe('Долго не отвечали на звонок');
  });

  it('focuses a refusal with no field (too many sends) and says it once, by the focus, not the live region too', async () => {
    const text = 'Слишком много отправок подряд, поэтому сообщение не принято. Попробуйте позже';
    stubFetch(json(429, { error: { code: 'rate_limited', message: text } }));
    const w = setup();
    await fillValid(w);
    await submit(w);
    expect(w.$('.notice')!.textContent).toBe(text);
    expect(w.root.activeElement).toBe(w.$('.notice'));
    expect(w.$('[role="status"]')!.textContent).not.toContain(text);
  });

  it('leaves control characters to the server and shows its refusal under the field', async () => {
    const { posts } = stubFetch(
      json(422, {
        error: { code: 'validation', message: 'Проверьте поля формы', fields: { name: FIELD_ERRORS.ru.control } },
      }),
    );
    const w = setup();
    await fillValid(w);
    await type(w.field('name'), 'Анна\u0000');
    await leave(w.field('name'));
    expect(w.errorOf('name')).toBeNull(); // not checked here: the widget carries no such rule
    await submit(w);
    expect(posts()[0]!.body.name).toBe('Анна\u0000');
    expect(w.errorOf('name')).toBe('Уберите служебные символы');
    expect(w.root.activeElement).toBe(w.field('name'));
    expect(w.field('name').value).toBe('Анна\u0000');
  });
});

describe('<otklik-feedback> files', () => {
  const file = (name: string, bytes: number) => new File([new Uint8Array(bytes)], name, { type: 'application/pdf' });
  const pick = async (w: ReturnType<typeof setup>, files: File[]) => {
    const input = w.field('files');
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
  };

  it('names the picker by what it shows too, so a voice user can say «Выбрать файлы»', async () => {
    const w = setup();
    const labels = [...(w.field('files') as HTMLInputElement).labels!];
    expect(labels.map((l) => l.textContent!.trim())).toEqual([ru.files, ru.chooseFiles]);
    expect(labels.some((l) => l.closest('[aria-hidden="true"]'))).toBe(false);
  });

  it('refuses files over the size limit and over the count, and lists the others with a remove button', async () => {
    const w = setup({ 'max-file-mb': '1' });
    expect(w.text()).toContain(ru.filesHint(1));
    await pick(w, [file('big.pdf', 2 * 1024 * 1024), file('a.pdf', 10)]);
    expect(w.errorOf('files')).toBe(`${FIELD_ERRORS.ru.fileSize}: big.pdf`);
    // Said aloud too: the focus stays on the picker, so a screen reader hears nothing of the error under it.
    const spoken = () => w.$('[role="status"]')!.textContent!.trim();
    expect(spoken()).toBe(`${FIELD_ERRORS.ru.fileSize}: big.pdf`);
    await pick(w, [file('big.pdf', 2 * 1024 * 1024)]); // the same refusal again is heard again
    expect(w.$('[role="status"]')!.textContent).toBe(`${FIELD_ERRORS.ru.fileSize}: big.pdf\u00a0`);
    expect([...w.root.querySelectorAll('.list .name')].map((n) => n.textContent)).toEqual(['a.pdf']);
    // The list is a live region: the file taken is heard, as is «Файл не выбран» once none is left.
    const heard = () => w.$('[aria-live="polite"]:has(.list, .hint)')!.textContent;
    expect(heard()).toContain('a.pdf');

    await pick(
      w,
      ['b', 'c', 'd', 'e', 'f'].map((n) => file(`${n}.pdf`, 10)),
    );
    expect(w.errorOf('files')).toBe(`${FIELD_ERRORS.ru.filesCount}: f.pdf`);
    expect(spoken()).toBe(`${FIELD_ERRORS.ru.filesCount}: f.pdf`);
    expect(w.root.querySelectorAll('.list li')).toHaveLength(5);

    w.$<HTMLButtonElement>(`button[aria-label="${ru.removeFile}: a.pdf"]`)!.click();
    await settle();
    expect(w.root.querySelectorAll('.list li')).toHaveLength(4);
    expect(w.errorOf('files')).toBeNull();
    for (const name of ['b', 'c', 'd', 'e']) {
      w.$<HTMLButtonElement>(`button[aria-label="${ru.removeFile}: ${name}.pdf"]`)!.click();
      await settle();
    }
    expect(heard()).toBe(ru.noFile);

    // Two files refused for their size read right in Russian: the message names no number of files.
    await pick(w, [file('big.pdf', 2 * 1024 * 1024), file('huge.pdf', 3 * 1024 * 1024)]);
    expect(w.errorOf('files')).toBe('Слишком большой размер: big.pdf, huge.pdf');
  });

  it("refuses a file the server would not take before sending, saying why, in the form's language", async () => {
    const { posts } = stubFetch(created('2026-00047'));
    const w = setup({ 'max-file-mb': '1' });
    expect(w.field('files').getAttribute('accept')).toBe(ACCEPTED_FILES);
    await pick(w, [file('setup.exe', 10), file('big.pdf', 2 * 1024 * 1024), file('Скан.JPG', 10), file('README', 10)]);
    expect(w.errorOf('files')).toBe(
      `${FIELD_ERRORS.ru.fileType}: setup.exe, README; ${FIELD_ERRORS.ru.fileSize}: big.pdf`,
    );
    expect([...w.root.querySelectorAll('.list .name')].map((n) => n.textContent)).toEqual(['Скан.JPG']);
    await fillValid(w);
    await submit(w);
    expect((posts()[0]!.body as FormData).getAll('files').map((f) => (f as File).name)).toEqual(['Скан.JPG']);

    const en = setup({ lang: 'en' });
    await pick(en, [file('setup.exe', 10)]);
    expect(en.errorOf('files')).toBe(`${FIELD_ERRORS.en.fileType}: setup.exe`);
    expect(FIELD_ERRORS.en.fileType).not.toMatch(/[а-яё]/i);
  });

  it('sends multipart with every file under `files`', async () => {
    const { posts } = stubFetch(created('2026-00045'));
    const w = setup();
    await fillValid(w);
    await pick(w, [file('a.pdf', 10), file('b.pdf', 20)]);
    await submit(w);
    const { headers } = posts()[0]!;
    const body = posts()[0]!.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect(body.getAll('files').map((f) => (f as File).name)).toEqual(['a.pdf', 'b.pdf']);
    expect(body.get('consent')).toBe('true');
    expect(body.get('kind')).toBe('complaint');
    expect(body.get('idempotencyKey')).toBe(headers['Idempotency-Key']);
    expect(await isSolved(body.get('altcha'))).toBe(true); // the proof of work goes in multipart too
    expect(headers).not.toHaveProperty('Content-Type'); // the browser sets the multipart boundary
  });
});

describe('<otklik-feedback lang="en">', () => {
  it("speaks English: labels, errors, the server's language", async () => {
    const { posts } = stubFetch(created('2026-00046'));
    const w = setup({ lang: 'en' });
    expect(w.text()).toContain(FORM_TEXTS.en.message);
    expect(w.text()).toContain(FORM_TEXTS.en.kinds.complaint);
    expect(w.text()).not.toMatch(/[а-яё]/i);
    await submit(w);
    expect(w.errorOf('message')).toBe(FIELD_ERRORS.en.required);
    await fillValid(w);
    await submit(w);
    expect(posts()[0]!.headers['Accept-Language']).toBe('en');
    expect(w.$('h2')!.textContent).toBe(COMPLAINT_CONFIRMATION.title); // the server's words, in its language
  });

  it('switches language when the attribute changes, keeping what was typed', async () => {
    const w = setup();
    await type(w.field('message'), 'Hello');
    w.host.setAttribute('lang', 'en');
    await settle();
    expect(w.text()).toContain(FORM_TEXTS.en.submit);
    expect(w.field('message').value).toBe('Hello');
  });
});

describe('<otklik-feedback> theming and links', () => {
  it('takes the accent and the agreement links from attributes, with defaults on the server', () => {
    const w = setup({ accent: '#0a7d38', 'terms-url': 'https://example.ru/terms' });
    expect(w.$('.otk')!.getAttribute('style')).toContain('--otklik-accent: #0a7d38');
    const links = [...w.root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([`${BASE}legal/personal-data?lang=ru`, 'https://example.ru/terms']);
  });

  it("links the server's agreements in the form's language", () => {
    const w = setup({ lang: 'en' });
    const links = [...w.root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([`${BASE}legal/personal-data?lang=en`, `${BASE}legal/terms?lang=en`]);
  });

  it("shows the company's contact line above the form when the page gives it", () => {
    const contact = 'Заполните заявку или обратитесь по тел. +7 863 300-10-00, руководитель СМК — Анна Матвеева';
    const w = setup({ contact });
    const first = w.$('form')!.firstElementChild!;
    expect(first.textContent).toBe(contact);
    expect(setup().$('form')!.textContent).not.toContain('обратитесь');
  });
});

describe('<otklik-feedback> once sent', () => {
  it("says what fits a thanks, in the server's words, not a complaint's promise", async () => {
    const thanks = {
      title: 'Спасибо за благодарность!',
      thanks: 'Нам очень приятно, что вы нашли время написать.',
      next: 'Мы передадим ваши слова тем, о ком вы пишете, и их руководителям.',
    };
    stubFetch(created('2026-00050', thanks));
    const w = setup();
    await fillValid(w, 'Спасибо Ивану за быструю помощь');
    await submit(w);
    expect(w.$('h2')!.textContent).toBe(thanks.title);
    expect(w.root.activeElement).toBe(w.$('h2'));
    expect(w.text()).toContain(thanks.next);
    expect(w.text()).not.toMatch(/заявка принята|рабочих дней/);
    expect(w.$('[role="status"]')!.textContent).toBe(`${thanks.title} ${ru.numberLabel}: 2026-00050`);
  });

  it('offers another message, and the company site where the form is a page of its own', async () => {
    stubFetch(created('2026-00051'), created('2026-00052'));
    const inline = setup();
    await fillValid(inline);
    await submit(inline);
    expect([...inline.root.querySelectorAll('.done button')].map((b) => b.textContent)).toEqual([ru.another]);
    expect(inline.root.querySelector('.done a')).toBeNull();

    const hosted = setup({ site: 'https://gendalf.ru' });
    await fillValid(hosted);
    await submit(hosted);
    const link = hosted.$<HTMLAnchorElement>('.done a')!;
    expect(link.getAttribute('href')).toBe('https://gendalf.ru');
    expect(link.textContent).toBe(`${ru.toSite} gendalf.ru`);
    expect(ru.another).toBe('Отправить ещё одно обращение');
  });
});

describe("<otklik-feedback> over the hosted page's plain form", () => {
  it('takes over what the client typed before the widget came', () => {
    const host = document.createElement('otklik-feedback');
    host.innerHTML = `<form method="post" action="/f">
      <input type="radio" name="kind" value="thanks"><input type="radio" name="kind" value="suggestion" checked>
      <textarea name="message">Сделайте тёмную тему</textarea><input name="email" value="a@b.ru">
      <input type="checkbox" name="consent" checked></form>`;
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    mount(host, { base: BASE, root });
    expect(root.querySelector<HTMLTextAreaElement>('[name="message"]')!.value).toBe('Сделайте тёмную тему');
    expect(root.querySelector<HTMLInputElement>('[name="email"]')!.value).toBe('a@b.ru');
    expect(root.querySelector<HTMLInputElement>('input[value="suggestion"]')!.checked).toBe(true);
    expect(root.querySelector<HTMLInputElement>('[name="consent"]')!.checked).toBe(true);
  });

  it('keeps the field the client is in, its caret, and the files he chose', async () => {
    const host = document.createElement('otklik-feedback');
    host.innerHTML = `<form method="post" action="/f"><textarea name="message">Спасибо за помощь</textarea>
      <input type="file" name="files" multiple></form>`;
    document.body.append(host);
    const plain = host.querySelector('textarea')!;
    plain.focus();
    plain.setSelectionRange(7, 9, 'backward');
    const pdf = new File(['%PDF-1.4'], 'акт.pdf', { type: 'application/pdf' });
    Object.defineProperty(host.querySelector('[type=file]'), 'files', { value: [pdf] });
    const root = host.attachShadow({ mode: 'open' });
    mount(host, { base: BASE, root });
    await settle();
    const message = root.querySelector<HTMLTextAreaElement>('[name="message"]')!;
    expect(root.activeElement).toBe(message);
    expect([message.selectionStart, message.selectionEnd, message.selectionDirection]).toEqual([7, 9, 'backward']);
    expect(root.querySelector('.list')?.textContent).toContain('акт.pdf');
  });
});
