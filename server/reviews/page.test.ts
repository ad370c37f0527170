import { afterEach, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../test/support/databases.ts';
import { buildTestApp } from '../../test/support/test-app.ts';
import type { DbKind } from '../db/connection.ts';
import { PAGE_SIZE, reviewsPage } from './page.ts';
import { addDelivery, addEmployee, addRating, publishedRating } from './testing.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
afterEach(async () => t?.close());

const XSS = '<img src=x onerror=alert(1)>';

async function setup(kind: DbKind = 'sqlite') {
  t = await buildTestApp(kind);
  // Mounted as server/app.ts mounts it (a second mount, once app.ts has it, changes nothing).
  t.app.route('/reviews', reviewsPage({ db: t.db }));
  const ivanov = await addEmployee(t.db, 'ivanov', 'Иванов Иван', 'Инженер');
  const petrova = await addEmployee(t.db, 'petrova', 'Петрова <b>Анна</b>', 'Менеджер');
  return { ivanov, petrova };
}
const open = async (path: string, headers: Record<string, string> = {}) => {
  const res = await t.app.request(path, { headers });
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/html');
  return res.text();
};
/** The page's text in reading order, tags dropped, for what a reader sees. */
const visible = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
const reviewCount = (html: string) => (html.match(/class="card rv-item"/g) ?? []).length;

describe('GET /reviews', () => {
  it('shows published reviews newest first, with stars, text, author, employee and date', async () => {
    const { ivanov, petrova } = await setup();
    await addDelivery(t.db);
    await publishedRating(t.db, {
      employeeId: ivanov,
      score: 5,
      comment: 'Качественно и своевременно!',
      name: 'Петрова Анна Сергеевна',
      organization: 'ООО «Ромашка»',
      email: 'anna@romashka.ru',
      publishedAt: '2026-11-20T10:00:00.000Z',
    });
    await publishedRating(t.db, {
      employeeId: petrova,
      score: 4,
      comment: 'Спасибо',
      publishedAt: '2026-11-22T10:00:00.000Z',
    });
    await publishedRating(t.db, {
      subject: 'delivery',
      score: 3,
      comment: 'Привезли вовремя',
      publishedAt: '2026-11-21T10:00:00.000Z',
    });
    await addRating(t.db, { employeeId: ivanov, score: 1, comment: 'Ещё не проверен' });

    const html = await open('/reviews');
    const text = visible(html);
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('<h1>Отзывы о работе сотрудников</h1>');
    expect(reviewCount(html)).toBe(3);
    expect(text.indexOf('Спасибо')).toBeLessThan(text.indexOf('Привезли вовремя'));
    expect(text.indexOf('Привезли вовремя')).toBeLessThan(text.indexOf('Качественно и своевременно!'));
    expect(text).not.toContain('Ещё не проверен');
    expect(text).toContain('Анна П., ООО «Ромашка»');
    expect(text).toContain('Сотрудник: Иванов Иван , Инженер'); // whom it is about, apart from its author
    expect(text).toContain('Качество доставки');
    expect(text).toContain('20 ноября 2026');
    expect(html).toContain('aria-label="Оценка 5 из 5">★★★★★<span class="off"></span>');
    expect(html).toContain('aria-label="Оценка 4 из 5">★★★★<span class="off">☆</span>');
    expect(html).not.toContain('anna@romashka.ru');
    // The average of everything, and each employee's with his count, as filter links.
    expect(html).toContain('aria-label="Средняя оценка 4,0 из 5"');
    expect(text).toContain('3 отзыва');
    expect(html).toMatch(
      /<a href="\/reviews\?employee=ivanov">\s*<span><strong>Иванов Иван<\/strong><span class="pos">Инженер<\/span><\/span>\s*<span class="rv-score"><span class="rv-avg" role="img" aria-label="Средняя оценка 5,0 из 5"><b>★<\/b> 5,0<\/span> <span class="rv-count">1 отзыв<\/span>/,
    );
    expect(html).toMatch(/<a href="\/reviews" aria-current="page">/);
  });

  it("shows every user string as text: a comment, a name, an organisation, an employee's name", async () => {
    const { petrova } = await setup();
    await publishedRating(t.db, {
      employeeId: petrova,
      score: 1,
      comment: XSS,
      name: '<script>alert(2)</script>',
      organization: '"><svg onload=alert(3)>',
      publishedAt: '2026-11-22T10:00:00.000Z',
    });
    const html = await open('/reviews');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<svg');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&quot;&gt;&lt;svg onload=alert(3)&gt;');
    expect(html).toContain('Петрова &lt;b&gt;Анна&lt;/b&gt;');
    expect(html).not.toContain('<b>Анна');
    const filtered = await open(`/reviews?employee=${encodeURIComponent('"><script>alert(4)</script>')}`);
    expect(filtered).not.toContain('<script>alert(4)');
  });

  it('filters by employee: his reviews, his average, the link marked current, a way back to all', async () => {
    const { ivanov, petrova } = await setup();
    await publishedRating(t.db, {
      employeeId: ivanov,
      score: 5,
      comment: 'Иванову спасибо',
      publishedAt: '2026-11-20T10:00:00.000Z',
    });
    await publishedRating(t.db, {
      employeeId: ivanov,
      score: 4,
      comment: 'Иванов молодец',
      publishedAt: '2026-11-21T10:00:00.000Z',
    });
    await publishedRating(t.db, {
      employeeId: petrova,
      score: 2,
      comment: 'Петровой замечание',
      publishedAt: '2026-11-22T10:00:00.000Z',
    });

    const html = await open('/reviews?employee=ivanov');
    expect(reviewCount(html)).toBe(2);
    expect(html).not.toContain('Петровой замечание');
    expect(html).toContain('<title>Иванов Иван — Отзывы о работе сотрудников</title>');
    expect(html).toContain('<a href="/reviews?employee=ivanov" aria-current="page">');
    expect(html).toContain('<a href="/reviews">');
    expect(html).toContain(
      '<p class="rv-summary"><span class="rv-avg" role="img" aria-label="Средняя оценка 4,5 из 5"><b>★</b> 4,5</span> <span class="rv-count">2 отзыва</span></p>',
    );
    expect(html).toContain('<a href="/r/ivanov?lang=ru">Оценить работу сотрудника</a>');
  });

  it('pages with «Следующая страница» links that carry the filter, and back to the first page', async () => {
    const { ivanov } = await setup();
    const n = PAGE_SIZE + 5;
    for (let i = 0; i < n; i++) {
      await publishedRating(t.db, {
        employeeId: ivanov,
        score: 5,
        comment: `Отзыв №${i}.`,
        publishedAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
      });
    }
    const first = await open('/reviews?employee=ivanov');
    expect(reviewCount(first)).toBe(PAGE_SIZE);
    expect(first).toContain(`Отзыв №${n - 1}.`);
    expect(first).not.toContain('К первой странице');
    const next = /<a rel="next" href="([^"]+)">Следующая страница/.exec(first)?.[1];
    expect(next).toMatch(/^\/reviews\?employee=ivanov&amp;cursor=[\w-]+$/);

    const second = await open(next!.replaceAll('&amp;', '&'));
    expect(reviewCount(second)).toBe(5);
    expect(second).toContain('Отзыв №0.');
    expect(second).not.toContain(`Отзыв №${n - 1}.`);
    expect(second).not.toContain('Следующая страница');
    expect(second).toContain('<a href="/reviews?employee=ivanov">К первой странице</a>');
    // A mangled cursor shows the first page rather than an error.
    expect(reviewCount(await open('/reviews?cursor=garbage'))).toBe(PAGE_SIZE);
  });

  it('says so when there is nothing to show, for all and for one employee', async () => {
    await setup();
    const html = await open('/reviews');
    expect(visible(html)).toContain('Пока нет опубликованных отзывов.');
    expect(html).not.toContain('class="rv-people"');
    expect(html).not.toContain('Следующая страница');
    const one = await open('/reviews?employee=ivanov');
    expect(visible(one)).toContain('Пока нет опубликованных отзывов.');
    expect(one).toContain('<a href="/reviews">Смотрите все отзывы</a>');
    expect(one).toContain('Оценить работу сотрудника');
    expect(visible(await open('/reviews?employee=nobody'))).toContain('Пока нет опубликованных отзывов.');
  });

  it('speaks English with ?lang=en (and keeps it in its links) or an English browser', async () => {
    const { ivanov } = await setup();
    await publishedRating(t.db, {
      employeeId: ivanov,
      score: 4,
      comment: 'Good',
      publishedAt: '2026-11-20T10:00:00.000Z',
    });
    const html = await open('/reviews?lang=en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Reviews of our employees’ work</h1>');
    expect(visible(html)).toContain('Client');
    expect(visible(html)).toContain('1 review');
    expect(visible(html)).toContain('20 November 2026');
    expect(html).toContain('aria-label="Score 4 of 5"');
    expect(html).toContain('href="/reviews?employee=ivanov&amp;lang=en"');
    expect(await open('/reviews', { 'accept-language': 'en-GB,en;q=0.9' })).toContain('<html lang="en">');
  });

  it('marks Russian names, positions, authors and texts lang="ru" on the English page, English ones not', async () => {
    const { ivanov } = await setup();
    await publishedRating(t.db, {
      employeeId: ivanov,
      score: 5,
      comment: 'Всё сделали быстро',
      name: 'Анна Кузнецова',
      organization: 'ООО «Ромашка»',
      publishedAt: '2026-11-20T10:00:00.000Z',
    });
    await publishedRating(t.db, {
      employeeId: ivanov,
      score: 4,
      comment: 'Quick and polite',
      name: 'John Smith',
      publishedAt: '2026-11-21T10:00:00.000Z',
    });
    const html = await open('/reviews?lang=en');
    expect(html).toContain('<p class="rv-text"><span lang="ru">Всё сделали быстро</span></p>');
    expect(html).toContain('<span class="rv-author"><span lang="ru">Анна К., ООО «Ромашка»</span></span>');
    expect(html).toContain('<strong><span lang="ru">Иванов Иван</span></strong>, <span lang="ru">Инженер</span>');
    expect(html).toContain('<p class="rv-text">Quick and polite</p>');
    expect(html).toContain('<span class="rv-author">John S.</span>');
    const filtered = await open('/reviews?employee=ivanov&lang=en');
    expect(filtered).toContain(
      '<h2><span lang="ru">Иванов Иван</span><span class="pos"><span lang="ru">Инженер</span></span></h2>',
    );
    expect(await open('/reviews')).not.toContain('lang="ru"><');
  });
});

describe.each(DB_KINDS)('GET /reviews on %s', (kind) => {
  it("gives services their own section and averages, apart from the employees', and a page each", async () => {
    const { ivanov, petrova } = await setup(kind);
    await addDelivery(t.db);
    await publishedRating(t.db, {
      employeeId: ivanov,
      score: 5,
      comment: 'Иван помог',
      publishedAt: '2026-11-20T10:00:00.000Z',
    });
    await publishedRating(t.db, {
      employeeId: petrova,
      score: 4,
      comment: 'Анна помогла',
      publishedAt: '2026-11-21T10:00:00.000Z',
    });
    await publishedRating(t.db, {
      subject: 'delivery',
      score: 2,
      comment: 'Опоздали',
      publishedAt: '2026-11-22T10:00:00.000Z',
    });
    await publishedRating(t.db, {
      subject: 'delivery',
      score: 3,
      comment: 'Привезли',
      publishedAt: '2026-11-19T10:00:00.000Z',
    });

    const html = await open('/reviews');
    const nav = /<nav class="rv-people"[\s\S]*?<\/nav>/.exec(html)![0];
    const text = visible(nav);
    // All reviews together first; then the employees, all of them together (4,5, not 3,5) and each;
    // then the services.
    expect(text).toMatch(
      /Все отзывы ★ 3,5 4 отзыва Сотрудники Все сотрудники ★ 4,5 2 отзыва Иванов Иван .*Услуги Качество доставки ★ 2,5 2 отзыва/,
    );
    expect(nav).toContain('<a href="/reviews" aria-current="page">');
    expect(nav).toContain('<a href="/reviews?subject=employee">');
    expect(nav).toContain('<a href="/reviews?subject=delivery">');
    expect(reviewCount(html)).toBe(4);

    const delivery = await open('/reviews?subject=delivery');
    expect(reviewCount(delivery)).toBe(2);
    expect(delivery).not.toContain('Иван помог');
    expect(delivery).toContain('<title>Качество доставки — Отзывы о работе сотрудников</title>');
    expect(delivery).toContain('<h2>Качество доставки</h2>');
    expect(delivery).toContain('<a href="/reviews?subject=delivery" aria-current="page">');
    expect(delivery).toMatch(/<p class="rv-summary">.*aria-label="Средняя оценка 2,5 из 5".*2 отзыва/);
    expect(delivery).toContain('<a href="/r/delivery?lang=ru">Оставить оценку</a>');

    const employees = await open('/reviews?subject=employee');
    expect(reviewCount(employees)).toBe(2);
    expect(employees).not.toContain('Опоздали');
    expect(employees).toContain('<h2>Все сотрудники</h2>');
    const english = visible(await open('/reviews?subject=delivery&lang=en'));
    expect(english).toContain('Services Delivery quality');
    expect(english).not.toContain('Качество доставки');
  });
});
