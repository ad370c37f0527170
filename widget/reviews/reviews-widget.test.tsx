import { afterEach, describe, expect, it, vi } from 'vitest';
import { REVIEW_TEXTS } from '../../shared/review-texts.ts';
import { BASE, DELIVERY, review, reviewsPage, settle, setup, stubFetch } from './test-helpers.ts';
import { readReviewsSettings } from './settings.ts';

const ru = REVIEW_TEXTS.ru;

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('<otklik-reviews employee="ivanov" limit="5">', () => {
  it("asks for the employee's newest reviews and shows the average, the count, each review and the link to all", async () => {
    const fetch = stubFetch(
      reviewsPage(
        [
          review({
            score: 5,
            comment: 'Качественно и своевременно оказаны услуги!',
            publishedAt: '2026-11-21T10:00:00.000Z',
          }),
          review({ score: 4, comment: '', author: 'Клиент', publishedAt: '2026-11-20T10:00:00.000Z' }),
        ],
        { count: 12, average: 4.7 },
      ),
    );
    const w = await setup();

    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![0]).toBe(`${BASE}api/v1/reviews?limit=5&employee=ivanov`);
    expect((fetch.mock.calls[0]![1]!.headers as Record<string, string>)['Accept-Language']).toBe('ru');

    expect(w.$('h2')!.textContent).toBe(ru.employeeTitle);
    expect(w.$('section')!.getAttribute('aria-labelledby')).toBe(w.$('h2')!.id);
    expect(w.$('.who')!.textContent).toBe('Иванов ИванИнженер');
    expect(w.$('.avg')!.getAttribute('aria-label')).toBe('Средняя оценка 4,7 из 5');
    expect(w.$('.avg')!.getAttribute('role')).toBe('img');
    expect(w.$('.sum')!.textContent).toContain('12 отзывов');

    const items = w.$$('li');
    expect(items).toHaveLength(2);
    expect(items[0]!.querySelector('.stars')!.getAttribute('aria-label')).toBe('Оценка 5 из 5');
    expect(items[1]!.querySelector('.stars')!.getAttribute('aria-label')).toBe('Оценка 4 из 5');
    expect(items[1]!.querySelector('.stars')!.textContent).toBe('★★★★☆'); // four filled, one outlined
    expect(items[1]!.querySelector('.stars i')!.textContent).toBe('☆');
    expect(items[0]!.querySelector('.text')!.textContent).toBe('Качественно и своевременно оказаны услуги!');
    expect(items[1]!.querySelector('.text')).toBeNull();
    expect(items[0]!.querySelector('.by')!.textContent).toBe('Анна П., ООО «Ромашка»'); // his name is said once, above
    expect(items[0]!.querySelector('time')!.getAttribute('datetime')).toBe('2026-11-21T10:00:00.000Z');
    expect(items[0]!.querySelector('time')!.textContent).toContain('21 ноября 2026');

    const all = w.$<HTMLAnchorElement>('a.all')!;
    expect(all.getAttribute('href')).toBe(`${BASE}reviews?employee=ivanov`);
    expect(all.textContent).toContain(ru.seeAll);
    expect(w.$('section')!.getAttribute('aria-busy')).toBeNull();
  });

  it('shows a comment with markup as that text, and runs none of it', async () => {
    const xss = '<img src=x onerror=alert(1)>';
    stubFetch(
      reviewsPage([
        review({
          comment: xss,
          author: '<script>alert(2)</script>',
          employee: { slug: 'x', name: '<b>Иванов</b>', position: '<i>pos</i>' },
        }),
      ]),
    );
    const w = await setup();
    expect(w.$('.text')!.textContent).toBe(xss);
    expect(w.$('.by b')!.textContent).toBe('<script>alert(2)</script>');
    expect(w.$('.who')!.textContent).toContain('<b>Иванов</b>');
    expect(w.root.querySelector('img, script, li b b, .who i')).toBeNull();
  });

  it('shows the start of a long review, opening it whole on «Читать полностью» and closing it again', async () => {
    const long = `${'Очень подробный отзыв о работе инженера. '.repeat(50)}Конец.`;
    stubFetch(reviewsPage([review({ comment: long }), review()]));
    const w = await setup();
    const text = () => w.$('.text')!.textContent!;
    const more = () => w.$<HTMLButtonElement>('.more')!;
    expect(text().length).toBeLessThanOrEqual(501);
    expect(text().endsWith('инженера.…') || text().endsWith('…')).toBe(true);
    expect(long.startsWith(text().slice(0, -1))).toBe(true);
    expect([more().textContent, more().getAttribute('aria-expanded')]).toEqual([ru.more, 'false']);
    // The short review has no button.
    expect(w.root.querySelectorAll('.more')).toHaveLength(1);
    more().click();
    await settle();
    expect(text()).toBe(long);
    expect([more().textContent, more().getAttribute('aria-expanded')]).toEqual([ru.less, 'true']);
    more().click();
    await settle();
    expect(text().length).toBeLessThanOrEqual(501);
  });

  it('says it is loading, then that there is nothing yet, keeping the link', async () => {
    stubFetch(reviewsPage([]));
    const w = await setup(undefined, false);
    expect(w.$('section')!.getAttribute('aria-busy')).toBe('true');
    expect(w.$('.note')!.textContent).toBe(ru.loading);
    await settle();
    expect(w.$('.note')!.textContent).toBe(ru.empty);
    expect(w.$('.sum')).toBeNull();
    expect(w.$('ul')).toBeNull();
    expect(w.$('a.all')).not.toBeNull();
  });

  it('says the reviews could not be loaded when the server is away or refuses, and still links to the page', async () => {
    stubFetch(new Error('offline'));
    let w = await setup();
    expect(w.$('.note')!.textContent).toBe(ru.loadError);
    expect(w.$('section')!.getAttribute('aria-busy')).toBeNull();
    expect(w.$<HTMLAnchorElement>('a.all')!.href).toBe(`${BASE}reviews?employee=ivanov`);
    document.body.innerHTML = '';

    stubFetch({
      status: 422,
      body: {
        error: { code: 'validation', message: 'Проверьте поля формы', fields: { employee: 'Неверное значение' } },
      },
    });
    w = await setup({ employee: 'Not A Slug' });
    expect(w.$('.note')!.textContent).toBe(ru.loadError);
  });
});

describe('<otklik-reviews subject="delivery">', () => {
  it("asks for the service's reviews and shows them under its title, its own average, and links to its page", async () => {
    const fetch = stubFetch(
      reviewsPage(
        [
          review({ employee: null, subject: DELIVERY, score: 2, comment: 'Привезли на день позже', author: 'Клиент' }),
          review({ employee: null, subject: DELIVERY, score: 3, comment: '' }),
        ],
        { count: 2, average: 2.5 },
      ),
    );
    const w = await setup({ subject: 'delivery', limit: '3' });
    expect(fetch.mock.calls[0]![0]).toBe(`${BASE}api/v1/reviews?limit=3&subject=delivery`);
    expect(w.$('h2')!.textContent).toBe(ru.subjectTitle);
    expect(w.$('.who')!.textContent).toBe('Качество доставки');
    expect(w.$('.avg')!.getAttribute('aria-label')).toBe('Средняя оценка 2,5 из 5');
    expect(w.$$('.by').map((b) => b.textContent)).toEqual(['Клиент', 'Анна П., ООО «Ромашка»']); // said once, above
    expect(w.$('.text')!.textContent).toBe('Привезли на день позже');
    expect(w.$('a.all')!.getAttribute('href')).toBe(`${BASE}reviews?subject=delivery`);
  });

  it('shows every employee\'s reviews with subject="employee", and an employee\'s when both are given', async () => {
    const fetch = stubFetch(reviewsPage([review()]), reviewsPage([review()]));
    const w = await setup({ subject: 'employee' });
    expect(fetch.mock.calls[0]![0]).toBe(`${BASE}api/v1/reviews?limit=5&subject=employee`);
    expect(w.$('h2')!.textContent).toBe(ru.title);
    expect(w.$('.by')!.textContent).toContain('Сотрудник: Иванов Иван');
    document.body.innerHTML = '';
    await setup({ subject: 'delivery', employee: 'ivanov' });
    expect(fetch.mock.calls[1]![0]).toBe(`${BASE}api/v1/reviews?limit=5&employee=ivanov`);
  });
});

describe('<otklik-reviews> of everyone', () => {
  it('names the employee of each review and links to all reviews', async () => {
    const fetch = stubFetch(reviewsPage([review(), review({ employee: null, author: 'Клиент' })]));
    const w = await setup({});
    expect(fetch.mock.calls[0]![0]).toBe(`${BASE}api/v1/reviews?limit=5`);
    expect(w.$('h2')!.textContent).toBe(ru.title);
    expect(w.$('.who')).toBeNull();
    expect(w.$$('.by').map((b) => b.textContent)).toEqual(['Анна П., ООО «Ромашка»Сотрудник: Иванов Иван', 'Клиент']);
  });

  it('names the service of a review about no employee', async () => {
    stubFetch(reviewsPage([review({ employee: null, subject: DELIVERY, author: 'Клиент' })]));
    const w = await setup({});
    expect(w.$('.by')!.textContent).toBe('КлиентКачество доставки');
    expect(w.$('a.all')!.getAttribute('href')).toBe(`${BASE}reviews`);
  });

  it('speaks English with lang="en", and asks the server in English', async () => {
    const fetch = stubFetch(reviewsPage([review({ author: 'Client', score: 4 })], { count: 1, average: 4 }));
    const w = await setup({ lang: 'en', limit: '3' });
    expect(fetch.mock.calls[0]![0]).toBe(`${BASE}api/v1/reviews?limit=3`);
    expect((fetch.mock.calls[0]![1]!.headers as Record<string, string>)['Accept-Language']).toBe('en');
    expect(w.$('.otk')!.getAttribute('lang')).toBe('en');
    expect(w.$('h2')!.textContent).toBe(REVIEW_TEXTS.en.title);
    expect(w.$('.avg')!.getAttribute('aria-label')).toBe('Average score 4.0 of 5');
    expect(w.$('.sum')!.textContent).toContain('1 review');
    expect(w.$('.stars')!.getAttribute('aria-label')).toBe('Score 4 of 5');
    expect(w.$('time')!.textContent).toBe('20 November 2026');
    expect(w.$('a.all')!.getAttribute('href')).toBe(`${BASE}reviews?lang=en`);
    expect(w.$('a.all')!.textContent).toContain('See all reviews');
  });

  it('marks Russian data as Russian inside an English widget, for its screen reader (WCAG 3.1.2)', async () => {
    stubFetch(
      reviewsPage([review(), review({ author: 'Client', comment: 'Fast and polite.' })], { count: 2, average: 5 }),
    );
    const w = await setup({ lang: 'en', employee: 'ivanov' });
    const [russian, english] = [...w.root.querySelectorAll('li')];
    expect(russian!.querySelector('.text')!.getAttribute('lang')).toBe('ru');
    expect(russian!.querySelector('.by b')!.getAttribute('lang')).toBe('ru');
    expect(english!.querySelector('.text')!.hasAttribute('lang')).toBe(false);
    expect(english!.querySelector('.by b')!.hasAttribute('lang')).toBe(false);
    expect(w.$('.who')!.getAttribute('lang')).toBe('ru'); // «Иванов Иван»
    expect(russian!.querySelector('time')!.closest('[lang="ru"]')).toBeNull(); // the date is in English
  });

  it('marks the Russian name of each review’s employee or service in an English list of everyone’s', async () => {
    stubFetch(reviewsPage([review(), review({ employee: null, subject: DELIVERY, author: 'Клиент' })]));
    const w = await setup({ lang: 'en' });
    const named = w.$$('.by span span');
    expect(named.map((s) => [s.textContent, s.getAttribute('lang')])).toEqual([
      ['Иванов Иван', 'ru'],
      ['Качество доставки', 'ru'],
    ]);
    expect(named[0]!.parentElement!.textContent).toBe('Employee: Иванов Иван');
  });

  it('takes the accent colour, hides its heading with header="none", and asks again when the employee changes', async () => {
    const fetch = stubFetch(
      reviewsPage([review()]),
      reviewsPage([review({ employee: { slug: 'petrova', name: 'Петрова Анна', position: null } })]),
    );
    const w = await setup({ accent: '#b91c1c', header: 'none' });
    expect(w.$('.otk')!.style.getPropertyValue('--otklik-accent')).toBe('#b91c1c');
    expect(w.$('h2')).toBeNull();
    expect(w.$('section')!.getAttribute('aria-label')).toBe(ru.title);

    w.host.setAttribute('employee', 'petrova');
    await settle();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch.mock.calls[1]![0]).toBe(`${BASE}api/v1/reviews?limit=5&employee=petrova`);
    expect(w.$('.who')!.textContent).toBe('Петрова Анна');
    expect(w.$('a.all')!.getAttribute('href')).toBe(`${BASE}reviews?employee=petrova`);

    w.host.setAttribute('accent', '#047857'); // not a new question
    await settle();
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe('readReviewsSettings', () => {
  const read = (attributes: Record<string, string>) => {
    const el = document.createElement('otklik-reviews');
    for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
    return readReviewsSettings(el, BASE);
  };
  it("shows 5 reviews unless told, at most 50, and everyone's without `employee`", () => {
    expect(read({})).toEqual({
      base: BASE,
      lang: 'ru',
      accent: null,
      employee: '',
      subject: '',
      limit: 5,
      header: true,
    });
    expect(read({ subject: ' delivery ' })).toMatchObject({ employee: '', subject: 'delivery' });
    expect(read({ limit: '3', employee: ' ivanov ' })).toMatchObject({ limit: 3, employee: 'ivanov' });
    expect(read({ limit: '500' }).limit).toBe(50);
    for (const wrong of ['0', '-1', '2.5', 'abc']) expect(read({ limit: wrong }).limit).toBe(5);
  });
});
