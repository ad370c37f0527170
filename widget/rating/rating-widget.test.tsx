import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIELD_ERRORS } from '../../shared/i18n.ts';
import { RATING_TEXTS } from '../../shared/rating-texts.ts';
import { isSolved } from '../testing/challenge.ts';
import { BASE, created, json, leave, notFound, setup, settle, stubFetch, submit, type } from './test-helpers.ts';

// The widget waits out the minimum fill time before it sends: none here, so the tests are quick
// (rating-proof-of-work.test.tsx tests the wait).
vi.mock('../../shared/limits.ts', async (original) =>
  (await import('../testing/min-fill.ts')).withMinFill(await original()),
);

const ru = RATING_TEXTS.ru;
const en = RATING_TEXTS.en;

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  localStorage.clear();
});

const KEY = /^[\d-]{16,}$/;
/** Moves the test document to another address, as if that page had been opened. */
const openPage = (url: string) =>
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);

describe('<otklik-rating subject="employee">', () => {
  it('shows who is rated, fetched from the server, and five stars named by their score', async () => {
    const { fetch } = stubFetch();
    const w = await setup();
    expect(fetch.mock.calls[0]![0]).toBe(`${BASE}api/v1/employees/ivanov`);
    expect(w.$('h2')!.textContent).toBe(ru.employeeTitle);
    expect(w.$('.who')!.textContent).toContain('Иванов Иван');
    expect(w.$('.who')!.textContent).toContain('Инженер, ДКС');
    expect(w.$('.avatar')!.textContent).toBe('ИИ');
    expect(w.$('.who [lang="ru"]')!.textContent).toContain('Иванов Иван'); // read as Russian in an English widget too
    // In the employee's own voice, whoever he is: not «работа менеджера» of an engineer.
    expect(w.$('legend')!.textContent).toContain('Оцените мою работу по пятибалльной шкале');
    // The consent the contacts imply, readable: the server's text in the widget's language.
    expect(w.$('.hint a')!.getAttribute('href')).toBe(`${BASE}legal/personal-data?lang=ru`);
    expect(w.$('.hint a')!.textContent).toBe(ru.privacy);
    const stars = [...w.root.querySelectorAll<HTMLInputElement>('input[type="radio"][name="score"]')];
    expect(stars.map((s) => s.closest('label')!.querySelector('.sr')!.textContent)).toEqual([
      '1 из 5 — очень плохо',
      '2 из 5 — плохо',
      '3 из 5 — удовлетворительно',
      '4 из 5 — хорошо',
      '5 из 5 — отлично',
    ]);
    expect(stars.some((s) => s.checked)).toBe(false);
    expect(w.$('label[for="comment"]')!.textContent).toContain(
      'Комментарий о моей работе или пожелания по качеству предоставляемых услуг',
    );
    expect(w.text()).not.toContain('менеджера');
    expect(w.text()).toContain(ru.publish);
    expect(w.field('publish').checked).toBe(false);
  });

  it('fills the stars up to the chosen one and names it', async () => {
    stubFetch();
    const w = await setup();
    const drawn = () =>
      w
        .$$('.star [aria-hidden]')
        .map((s) => s.textContent)
        .join('');
    expect(drawn()).toBe('☆☆☆☆☆');
    w.star(4).click();
    await settle();
    expect([...w.root.querySelectorAll('.star')].map((s) => s.classList.contains('on'))).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    // Filled and outlined: the score is seen without telling colours apart.
    expect(drawn()).toBe('★★★★☆');
    expect(w.$('.said')!.textContent).toBe('4 из 5 — хорошо');
  });

  it("asks for a score before sending, with the shared schema's message, and checks the e-mail", async () => {
    const { posts } = stubFetch();
    const w = await setup();
    await submit(w);
    expect(w.errorOf('score')).toBe(FIELD_ERRORS.ru.score);
    expect(w.star(1).getAttribute('aria-invalid')).toBe('true');
    expect(w.root.activeElement).toBe(w.star(1));
    expect(posts()).toHaveLength(0);
    w.star(5).click(); // a chosen star clears the error at once
    await settle();
    expect(w.errorOf('score')).toBeNull();

    await type(w.field('email'), 'client@');
    await leave(w.field('email'));
    expect(w.errorOf('email')).toBe(FIELD_ERRORS.ru.email);
    await type(w.field('email'), 'client@example.ru');
    expect(w.errorOf('email')).toBeNull();
  });

  it('says the comment’s limit, in either language, when the comment is too long', async () => {
    const { posts } = stubFetch();
    for (const [lang, said] of [
      ['ru', 'Не больше 2000 знаков: сократите комментарий'],
      ['en', 'At most 2000 characters: please shorten the comment'],
    ] as const) {
      const w = await setup({ subject: 'employee', employee: 'ivanov', lang });
      w.star(4).click();
      await type(w.field('comment'), 'а'.repeat(2001));
      await leave(w.field('comment'));
      expect(w.errorOf('comment')).toBe(said);
      await submit(w);
      await type(w.field('comment'), 'а'.repeat(2000));
      expect(w.errorOf('comment')).toBeNull();
    }
    expect(posts()).toHaveLength(0);
  });

  it('sends the rating as JSON with an idempotency key and shows the number and who gets it', async () => {
    const { posts } = stubFetch([created('2026-00007')]);
    const w = await setup();
    w.star(4).click();
    await type(w.field('comment'), 'Качественно и своевременно оказаны услуги!');
    w.field('publish').click();
    await type(w.field('organization'), 'ООО «Ромашка»');
    await submit(w);

    const [post] = posts();
    expect(post!.url).toBe(`${BASE}api/v1/ratings`);
    expect(post!.headers['Accept-Language']).toBe('ru');
    expect(post!.headers['Idempotency-Key']).toMatch(KEY);
    expect(post!.body).toEqual({
      subject: 'employee',
      employee: 'ivanov',
      score: 4,
      comment: 'Качественно и своевременно оказаны услуги!',
      publish: true,
      organization: 'ООО «Ромашка»',
      page: location.href,
      raterToken: expect.stringMatching(KEY),
      idempotencyKey: post!.headers['Idempotency-Key'],
      altcha: expect.any(String),
    });
    expect(await isSolved(post!.body.altcha)).toBe(true);

    // Under the widget's own h2 title, an h3.
    expect(w.$$('h2, h3').map((h) => h.tagName)).toEqual(['H2', 'H3']);
    expect(w.$('h3')!.textContent).toBe(ru.thanks);
    expect(w.root.activeElement).toBe(w.$('h3'));
    expect(w.$('.number strong')!.textContent).toBe('2026-00007');
    expect(w.$('.given [aria-hidden]')!.textContent).toBe('★★★★☆');
    expect(w.text()).toContain(ru.toManager);
    expect(w.text()).toContain('Иванов Иван'); // still says whom
    expect(w.$('form')).toBeNull();
    expect(w.$('[role="status"]')!.textContent).toContain('2026-00007');
  });

  it('keeps everything and the idempotency key after a network failure, and sends once per click', async () => {
    const { posts } = stubFetch([new Error('offline'), json(503, {}), created('2026-00008', 2)]);
    const w = await setup();
    w.star(2).click();
    await type(w.field('comment'), 'Долго ждал ответа');
    await submit(w);
    expect(w.text()).toContain(ru.networkError);
    expect(w.field('comment').value).toBe('Долго ждал ответа');
    expect(w.star(2).checked).toBe(true);

    await submit(w); // a 5xx counts as a failure too
    expect(w.text()).toContain(ru.networkError);

    const retry = w.button(ru.retry);
    retry.click();
    retry.click(); // a double click while sending
    await vi.waitUntil(() => w.$('.number strong'), { timeout: 10_000 });
    expect(w.$('.number strong')!.textContent).toBe('2026-00008');
    expect(w.$('.given')!.textContent).toContain('2 из 5 — плохо');
    const keys = posts().map((p) => p.headers['Idempotency-Key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
  });

  it("shows the server's field errors next to the fields and its message at the top", async () => {
    stubFetch([
      json(422, {
        error: {
          code: 'validation',
          message: 'Проверьте поля формы',
          fields: { email: 'Проверьте адрес электронной почты' },
        },
      }),
    ]);
    const w = await setup();
    w.star(3).click();
    await type(w.field('email'), 'a@b.ru');
    await submit(w);
    expect(w.errorOf('email')).toBe('Проверьте адрес электронной почты');
    expect(w.$('.notice')!.textContent).toBe('Проверьте поля формы');
    expect(w.root.activeElement).toBe(w.field('email'));
    expect(w.star(3).checked).toBe(true);
  });

  it('focuses a refusal with no field (too many sends) and says it once, by the focus, not the live region too', async () => {
    const text = 'Слишком много отправок подряд, поэтому сообщение не принято. Попробуйте позже';
    stubFetch([json(429, { error: { code: 'rate_limited', message: text } })]);
    const w = await setup();
    w.star(3).click();
    await submit(w);
    expect(w.$('.notice')!.textContent).toBe(text);
    expect(w.root.activeElement).toBe(w.$('.notice'));
    expect(w.$('[role="status"]')!.textContent).not.toContain(text);
  });

  it("says politely that an employee who left can't be rated, and offers to write to the company", async () => {
    stubFetch([], { 'employees/ivanov': notFound });
    const w = await setup();
    expect(w.$('h2')!.textContent).toBe(ru.goneTitle);
    expect(w.text()).toContain(ru.inactiveText);
    expect(w.$('a')!.getAttribute('href')).toBe(`${BASE}f?lang=ru`);
    expect(w.$('form')).toBeNull();
    // An English widget sends him to the English form, whatever his browser prefers.
    const en = await setup({ subject: 'employee', employee: 'ivanov', lang: 'en' });
    expect(en.$('a')!.getAttribute('href')).toBe(`${BASE}f?lang=en`);
  });

  it('says the same when the employee left while the client was writing (422 naming `employee`)', async () => {
    stubFetch([
      json(422, {
        error: { code: 'validation', message: 'Проверьте поля формы', fields: { employee: FIELD_ERRORS.ru.employee } },
      }),
    ]);
    const w = await setup();
    w.star(5).click();
    await submit(w);
    expect(w.$('h2')!.textContent).toBe(ru.goneTitle);
    expect(w.root.activeElement).toBe(w.$('h2'));
  });

  it("still works when the server can't say who is rated", async () => {
    const { posts } = stubFetch([created('2026-00009', 5)], { 'employees/ivanov': () => new Error('offline') });
    const w = await setup();
    expect(w.$('h2')!.textContent).toBe(ru.employeeTitle);
    expect(w.$('.who')).toBeNull();
    w.star(5).click();
    await submit(w);
    expect(posts()[0]!.body).toMatchObject({ employee: 'ivanov', score: 5 });
  });
});

describe('<otklik-rating subject="delivery">', () => {
  it('titles itself by the subject, sends no employee and says who gets it', async () => {
    const { fetch, posts } = stubFetch([created('2026-00010', 5, 'delivery')]);
    const w = await setup({ subject: 'delivery' });
    expect(fetch.mock.calls[0]![0]).toBe(`${BASE}api/v1/subjects/delivery`);
    expect(w.$('h2')!.textContent).toBe('Оцените: Качество доставки');
    expect(w.$('.who')).toBeNull();
    expect(w.$('legend')!.textContent).toContain(ru.subjectScoreLegend);
    // Its own words: nothing of a manager's work.
    expect(w.text()).toContain('Комментарий: что понравилось, что нам стоит улучшить');
    expect(w.text()).not.toContain('менеджер');
    w.star(5).click();
    await submit(w);
    expect(posts()[0]!.body).toEqual({
      subject: 'delivery',
      score: 5,
      publish: false,
      page: location.href,
      raterToken: expect.stringMatching(KEY),
      idempotencyKey: expect.any(String),
      altcha: expect.any(String),
    });
    expect(w.text()).toContain(ru.toRecipients);
  });

  it('says so when the subject or the attributes name nothing to rate', async () => {
    stubFetch();
    const w = await setup({ subject: 'parking' });
    expect(w.$('h2')!.textContent).toBe(ru.notFound);
    const { fetch } = stubFetch();
    const bad = await setup({ subject: 'employee' }); // no employee
    expect(bad.$('h2')!.textContent).toBe(ru.notFound);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("<otklik-rating> over the hosted page's plain form (/r/:slug)", () => {
  it("takes over the score the signature link chose, what was typed, and the page's idempotency key", async () => {
    const { posts } = stubFetch([created('2026-00011', 4)]);
    const w = await setup(
      { subject: 'employee', employee: 'ivanov', score: '5' },
      `<form method="post" action="/r/ivanov">
        <input type="hidden" name="idempotencyKey" value="page-key-1">
        ${[1, 2, 3, 4, 5].map((n) => `<input type="radio" name="score" value="${n}"${n === 4 ? ' checked' : ''}>`).join('')}
        <textarea name="comment">Спасибо за помощь</textarea><input type="checkbox" name="publish" checked>
        <input name="name" value="Анна"><input name="email" value="anna@example.ru"></form>`,
    );
    expect(w.star(4).checked).toBe(true); // what the client chose on the page beats the link's score
    expect(w.$$('.star.on')).toHaveLength(4);
    expect(w.field('comment').value).toBe('Спасибо за помощь');
    expect(w.field('publish').checked).toBe(true);
    expect(w.field('name').value).toBe('Анна');
    await submit(w);
    expect(posts()[0]!.body).toMatchObject({
      score: 4,
      comment: 'Спасибо за помощь',
      publish: true,
      name: 'Анна',
      email: 'anna@example.ru',
      idempotencyKey: 'page-key-1',
    });
    expect(posts()[0]!.headers['Idempotency-Key']).toBe('page-key-1');
  });

  it('keeps the field the client is in and its caret, or the star he is on, when it comes late over the form', async () => {
    stubFetch([]);
    const form = `<form method="post" action="/r/ivanov">
      ${[1, 2, 3, 4, 5].map((n) => `<input type="radio" name="score" value="${n}"${n === 2 ? ' checked' : ''}>`).join('')}
      <textarea name="comment">Долго ждал ответа</textarea></form>`;
    const typing = await setup({ subject: 'employee', employee: 'ivanov' }, form, (host) => {
      const plain = host.querySelector('textarea')!;
      plain.focus();
      plain.setSelectionRange(6, 10);
    });
    const comment = typing.field('comment') as unknown as HTMLTextAreaElement;
    expect(typing.root.activeElement).toBe(comment);
    expect([comment.selectionStart, comment.selectionEnd]).toEqual([6, 10]);
    typing.host.remove();
    const choosing = await setup({ subject: 'employee', employee: 'ivanov' }, form, (host) =>
      host.querySelector<HTMLInputElement>('[name="score"][value="2"]')!.focus(),
    );
    expect(choosing.root.activeElement).toBe(choosing.star(2));
  });

  it('leaves the title and the name to the page with `header="none"`, and thanks in an h2 under its h1', async () => {
    stubFetch([created('2026-00008')]);
    const w = await setup({ subject: 'employee', employee: 'ivanov', header: 'none' });
    expect(w.$('h2')).toBeNull();
    expect(w.text()).not.toContain('Иванов Иван');
    w.star(4).click();
    await submit(w);
    expect(w.$$('h2, h3').map((h) => h.tagName)).toEqual(['H2']);
    expect(w.$('h2')!.textContent).toBe(ru.thanks);
    expect(w.root.activeElement).toBe(w.$('h2'));
  });

  it("preselects the `score` attribute's star", async () => {
    stubFetch();
    const w = await setup({ subject: 'employee', employee: 'ivanov', score: '3' });
    expect(w.star(3).checked).toBe(true);
    expect(w.$('.said')!.textContent).toBe('3 из 5 — удовлетворительно');
    const odd = await setup({ subject: 'employee', employee: 'ivanov', score: '7' });
    expect(odd.$$('input[name="score"]:checked')).toHaveLength(0);
  });
});

describe('<otklik-rating>: where the client came from, and one rating per browser', () => {
  it('sends the channel its page says (a signature link brought the client), only a known one', async () => {
    const { posts } = stubFetch([created('О-2026-00001'), created('О-2026-00002')]);
    const w = await setup({ subject: 'employee', employee: 'ivanov', channel: 'signature' });
    w.star(4).click();
    await submit(w);
    expect(posts()[0]!.body).toMatchObject({ channel: 'signature' });
    const odd = await setup({ subject: 'employee', employee: 'ivanov', channel: 'console' });
    odd.star(4).click();
    await submit(odd);
    expect(posts()[1]!.body).not.toHaveProperty('channel');
  });

  it("sends the same browser's token with every rating, kept in the site's storage", async () => {
    const { posts } = stubFetch([created('О-2026-00001'), created('О-2026-00002', 5, 'delivery')]);
    const first = await setup();
    first.star(4).click();
    await submit(first);
    const second = await setup({ subject: 'delivery' });
    second.star(5).click();
    await submit(second);
    const [a, b] = posts().map((p) => p.body.raterToken);
    expect(a).toMatch(KEY);
    expect(b).toBe(a);
    expect(localStorage.getItem('otklik-rater')).toBe(a);
  });

  it('says so when its send changed the earlier rating instead of adding one', async () => {
    stubFetch([json(201, { ...(await created('О-2026-00001', 2).json()), changed: true })]);
    const w = await setup();
    w.star(2).click();
    await submit(w);
    expect(w.text()).toContain(ru.changed);
    expect(w.$('.number strong')!.textContent).toBe('О-2026-00001');
  });

  it('on the rating page itself, replaces the address with the thank-you page: a reload shows the thanks', async () => {
    openPage(`${BASE}r/ivanov?score=4&from=signature`);
    stubFetch([created('О-2026-00003', 4), created('О-2026-00004', 4), created('О-2026-00005', 4)]);
    const page = await setup(
      { subject: 'employee', employee: 'ivanov', lang: 'en' },
      '<form method="post" action="/r/ivanov?lang=en"><input type="radio" name="score" value="4" checked></form>',
    );
    await submit(page);
    expect(location.href).toBe(`${BASE}r/thanks/r1?lang=en`);

    // On a company's site the address stays the site's.
    openPage('https://company.test/contacts');
    const site = await setup();
    site.star(4).click();
    await submit(site);
    expect(site.$('h3')!.textContent).toBe(ru.thanks);
    expect(location.href).toBe('https://company.test/contacts');

    // A site's own fallback form inside the element is not the rating page: its address stays too.
    const fallback = await setup(undefined, '<form method="post" action="https://feedback.test/r/ivanov"></form>');
    fallback.star(4).click();
    await submit(fallback);
    expect(location.href).toBe('https://company.test/contacts');
  });
  it('makes the badge of a name’s first letters, not of a quote or a bracket before them', async () => {
    stubFetch([], {
      'employees/ivanov': () =>
        json(200, { slug: 'ivanov', name: '«Петрова» (Анна)', position: null, department: null }),
    });
    const w = await setup();
    expect(w.$('.avatar')!.textContent).toBe('ПА');
  });
});

describe('<otklik-rating lang="en">', () => {
  it("speaks English: texts, star names, errors, the server's language", async () => {
    const { fetch, posts } = stubFetch([created('2026-00012', 5)], {
      'employees/ivanov': () =>
        json(200, { slug: 'ivanov', name: 'Ivan Ivanov', position: 'Engineer', department: 'IT' }),
    });
    const w = await setup({ subject: 'employee', employee: 'ivanov', lang: 'en' });
    expect((fetch.mock.calls[0]![1]!.headers as Record<string, string>)['Accept-Language']).toBe('en');
    expect(w.$('h2')!.textContent).toBe(en.employeeTitle);
    expect(w.text()).toContain('5 of 5 — excellent');
    await submit(w);
    expect(w.errorOf('score')).toBe(FIELD_ERRORS.en.score);
    expect(w.text()).not.toMatch(/[а-яё]/i);
    w.star(5).click();
    await submit(w);
    expect(posts()[0]!.headers['Accept-Language']).toBe('en');
    expect(w.text()).toContain(en.thanks);
  });

  it('switches language when the attribute changes, keeping what was chosen and typed', async () => {
    stubFetch();
    const w = await setup();
    w.star(2).click();
    await type(w.field('comment'), 'Hello');
    w.host.setAttribute('lang', 'en');
    await settle();
    expect(w.text()).toContain(en.submit);
    expect(w.field('comment').value).toBe('Hello');
    expect(w.star(2).checked).toBe(true);
    expect(w.$('.said')!.textContent).toBe('2 of 5 — poor');
  });
});

describe('<otklik-rating> texts and theming', () => {
  it('keeps its copies of the field errors equal to the shared ones', () => {
    for (const lang of ['ru', 'en'] as const) {
      const own = RATING_TEXTS[lang].fieldErrors;
      expect(own).toEqual(
        Object.fromEntries(Object.keys(own).map((code) => [code, FIELD_ERRORS[lang][code as keyof typeof own]])),
      );
    }
  });

  it('takes the accent from its attribute', async () => {
    stubFetch();
    const w = await setup({ subject: 'delivery', accent: '#0a7d38' });
    expect(w.$('.otk')!.getAttribute('style')).toContain('--otklik-accent: #0a7d38');
  });
});
