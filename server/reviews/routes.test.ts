import { afterEach, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../test/support/databases.ts';
import { buildTestApp } from '../../test/support/test-app.ts';
import type { DbKind } from '../db/connection.ts';
import { reviewsApi } from './routes.ts';
import { addEmployee, addRating, decide, publishedRating, takeDown } from './testing.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
afterEach(async () => t?.close());

const XSS = '<img src=x onerror=alert(1)>';

async function setup(kind: DbKind = 'sqlite') {
  t = await buildTestApp(kind);
  // Mounted as server/app.ts mounts it (a second mount, once app.ts has it, changes nothing).
  t.app.route('/api/v1/reviews', reviewsApi({ db: t.db }));
  const ivanov = await addEmployee(t.db, 'ivanov', 'Иванов Иван', 'Инженер');
  return { ivanov };
}
const get = (query = '', headers: Record<string, string> = {}) => t.app.request(`/api/v1/reviews${query}`, { headers });

describe('GET /api/v1/reviews', () => {
  it('answers the published reviews in the documented shape, the author shortened, never the e-mail', async () => {
    const { ivanov } = await setup();
    const id = await publishedRating(t.db, {
      employeeId: ivanov,
      score: 5,
      comment: XSS,
      name: 'Петрова Анна Сергеевна',
      organization: 'ООО «Ромашка»',
      email: 'anna@romashka.ru',
      publishedAt: '2026-11-21T10:00:00.000Z',
    });
    await publishedRating(t.db, { score: 3, publishedAt: '2026-11-20T10:00:00.000Z' }); // delivery, no name
    await addRating(t.db, { employeeId: ivanov, score: 1, comment: 'Ждёт модерации' });

    const res = await get();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      items: [
        {
          id,
          score: 5,
          comment: XSS,
          author: 'Анна П., ООО «Ромашка»',
          employee: { slug: 'ivanov', name: 'Иванов Иван', position: 'Инженер' },
          subject: null,
          publishedAt: '2026-11-21T10:00:00.000Z',
        },
        {
          id: expect.any(String),
          score: 3,
          comment: '',
          author: 'Клиент',
          employee: null,
          subject: { slug: 'delivery', title: 'Качество доставки' },
          publishedAt: '2026-11-20T10:00:00.000Z',
        },
      ],
      nextCursor: null,
      summary: { count: 2, average: 4 },
    });
    expect(JSON.stringify(body)).not.toContain('romashka.ru');
    expect((await (await get('', { 'accept-language': 'en' })).json()).items[1].author).toBe('Client');
  });

  it('filters by employee, pages with nextCursor, and keeps the summary of the whole filter', async () => {
    const { ivanov } = await setup();
    const petrova = await addEmployee(t.db, 'petrova', 'Петрова Анна');
    for (let i = 1; i <= 5; i++)
      await publishedRating(t.db, { employeeId: ivanov, score: i, publishedAt: `2026-11-0${i}T10:00:00.000Z` });
    await publishedRating(t.db, { employeeId: petrova, score: 5, publishedAt: '2026-11-09T10:00:00.000Z' });

    const first = await (await get('?employee=ivanov&limit=2')).json();
    expect(first.items.map((r: { score: number }) => r.score)).toEqual([5, 4]);
    expect(first.summary).toEqual({ count: 5, average: 3 });
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await (await get(`?employee=ivanov&limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)).json();
    expect(second.items.map((r: { score: number }) => r.score)).toEqual([3, 2]);
    const third = await (await get(`?employee=ivanov&limit=2&cursor=${encodeURIComponent(second.nextCursor)}`)).json();
    expect(third.items.map((r: { score: number }) => r.score)).toEqual([1]);
    expect(third.nextCursor).toBeNull();

    const all = await (await get()).json();
    expect(all.items).toHaveLength(6);
    expect(all.summary).toEqual({ count: 6, average: 3.3 });
    expect(await (await get('?employee=nobody')).json()).toEqual({
      items: [],
      nextCursor: null,
      summary: { count: 0, average: null },
    });
  });

  it('defaults to 10 reviews and takes up to 50', async () => {
    const { ivanov } = await setup();
    for (let i = 0; i < 55; i++) {
      await publishedRating(t.db, {
        employeeId: ivanov,
        score: 4,
        publishedAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
      });
    }
    expect((await (await get()).json()).items).toHaveLength(10);
    expect((await (await get('?limit=1')).json()).items).toHaveLength(1);
    expect((await (await get('?limit=50')).json()).items).toHaveLength(50);
    expect((await (await get('?limit=')).json()).items).toHaveLength(10);
  });

  it("answers 422 naming each wrong field, in the client's language", async () => {
    await setup();
    for (const [query, field] of [
      ['?limit=0', 'limit'],
      ['?limit=51', 'limit'],
      ['?limit=abc', 'limit'],
      ['?limit=-1', 'limit'],
      ['?limit=2.5', 'limit'],
      ['?employee=Ivanov%20I', 'employee'],
      ['?employee=%3Cscript%3E', 'employee'],
      ['?subject=Delivery%20X', 'subject'],
      ['?cursor=nonsense', 'cursor'],
      [`?cursor=${Buffer.from("2026-11-01|x' OR 1=1").toString('base64url')}`, 'cursor'],
    ] as const) {
      const res = await get(query);
      expect(res.status, query).toBe(422);
      const body = await res.json();
      expect(body.error.code).toBe('validation');
      expect(Object.keys(body.error.fields), query).toEqual([field]);
      expect(body.error.fields[field]).toBe('Неверное значение');
    }
    const both = await (await get('?limit=100&cursor=x!', { 'accept-language': 'en' })).json();
    expect(both.error.fields).toEqual({ limit: 'Invalid value', cursor: 'Invalid value' });
  });
});

describe.each(DB_KINDS)('GET /api/v1/reviews on %s', (kind) => {
  it("answers a subject's reviews with ?subject=, with its own average, apart from the employees'", async () => {
    const { ivanov } = await setup(kind);
    await publishedRating(t.db, { employeeId: ivanov, score: 5, publishedAt: '2026-11-21T10:00:00.000Z' });
    const late = await publishedRating(t.db, {
      subject: 'delivery',
      score: 2,
      comment: 'Привезли на день позже',
      publishedAt: '2026-11-22T10:00:00.000Z',
    });
    await publishedRating(t.db, { subject: 'delivery', score: 3, publishedAt: '2026-11-20T10:00:00.000Z' });

    const delivery = await (await get('?subject=delivery&limit=1')).json();
    expect(delivery.items).toEqual([
      expect.objectContaining({
        id: late,
        comment: 'Привезли на день позже',
        employee: null,
        subject: { slug: 'delivery', title: 'Качество доставки' },
      }),
    ]);
    expect(delivery.summary).toEqual({ count: 2, average: 2.5 });
    const english = await (await get('?subject=delivery&limit=1', { 'accept-language': 'en' })).json();
    expect(english.items[0].subject).toEqual({ slug: 'delivery', title: 'Delivery quality' });
    expect(delivery.nextCursor).toEqual(expect.any(String));
    const employees = await (await get('?subject=employee')).json();
    expect(employees.items.map((r: { score: number }) => r.score)).toEqual([5]);
    expect(employees.summary).toEqual({ count: 1, average: 5 });
    expect((await (await get('?employee=ivanov')).json()).summary).toEqual({ count: 1, average: 5 });
    expect((await (await get()).json()).summary).toEqual({ count: 3, average: 3.3 });
  });

  it('shows a rejected, withdrawn or taken-down review nowhere, at once: nothing keeps a copy', async () => {
    const { ivanov } = await setup(kind);
    const id = await publishedRating(t.db, {
      employeeId: ivanov,
      score: 5,
      comment: 'Был опубликован',
      publishedAt: '2026-11-21T10:00:00.000Z',
    });
    const other = await publishedRating(t.db, {
      subject: 'delivery',
      score: 4,
      publishedAt: '2026-11-21T11:00:00.000Z',
    });
    const res = await get();
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect((await res.json()).items).toHaveLength(2);
    await decide(t.db, id, 'rejected', '2026-11-22T10:00:00.000Z');
    await takeDown(t.db, other, '2026-11-22T11:00:00.000Z');
    expect(await (await get()).json()).toMatchObject({ items: [], summary: { count: 0, average: null } });
    expect((await (await get('?subject=delivery')).json()).items).toEqual([]);
  });
});
