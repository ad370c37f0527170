import { afterEach, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDb, type TestDb } from '../../test/support/databases.ts';
import { employeeRatings, subjectRatings } from './averages.ts';
import { listPublishedReviews, type ReviewCursor, reviewSummary } from './queries.ts';
import { saveSubject } from '../directory/store.ts';
import { addDelivery, addEmployee, addRating, decide, publishedRating } from './testing.ts';

const at = (day: number, hour = 9) =>
  `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

describe.each(DB_KINDS)('published reviews on %s', (kind) => {
  let t: TestDb;
  afterEach(async () => t?.close());

  async function directory() {
    t = await openTestDb(kind);
    const ivanov = await addEmployee(t.db, 'ivanov', 'Иванов Иван', 'Инженер');
    const petrova = await addEmployee(t.db, 'petrova', 'Петрова Анна', 'Менеджер');
    const gone = await addEmployee(t.db, 'sidorov', 'Сидоров Пётр', 'Бухгалтер', false);
    return { db: t.db, ivanov, petrova, gone };
  }

  it('lists only approved reviews of ratings with consent, of active employees or of none, newest first', async () => {
    const { db, ivanov, petrova, gone } = await directory();
    const a = await publishedRating(db, { employeeId: ivanov, score: 5, comment: 'Отлично', publishedAt: at(10) });
    const b = await publishedRating(db, { employeeId: petrova, score: 4, comment: 'Хорошо', publishedAt: at(12) });
    const delivery = await publishedRating(db, {
      subject: 'delivery',
      score: 3,
      comment: 'Доставка',
      publishedAt: at(11),
    });
    await addRating(db, { employeeId: ivanov, score: 1, comment: 'Ждёт модерации' });
    const rejected = await addRating(db, { employeeId: ivanov, score: 2, comment: 'Отклонён' });
    await decide(db, rejected, 'rejected', at(13));
    await publishedRating(db, { employeeId: gone, score: 5, comment: 'Уволился', publishedAt: at(14) });

    const { items, nextCursor } = await listPublishedReviews(db, { limit: 10 });
    expect(items.map((r) => r.id)).toEqual([b, delivery, a]);
    expect(nextCursor).toBeNull();
    expect(items[0]).toMatchObject({
      score: 4,
      text: 'Хорошо',
      employee: { slug: 'petrova', name: 'Петрова Анна', position: 'Менеджер' },
      subject: null,
      publishedAt: at(12),
    });
    expect(items[1]).toMatchObject({ employee: null, subject: { slug: 'delivery', title: 'Качество доставки' } });
    expect(await reviewSummary(db)).toEqual({ count: 3, average: 4 });
  });

  it('never shows a rating without publication consent, even with a forged approved reviews row', async () => {
    const { db, ivanov } = await directory();
    const secret = await addRating(db, { employeeId: ivanov, score: 1, comment: 'Не для публикации', publish: false });
    await decide(db, secret, 'approved', at(15)); // no row existed: a forged one, approved
    const row = await db
      .selectFrom('reviews')
      .select('status')
      .where('submission_id', '=', secret)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('approved');

    expect((await listPublishedReviews(db, { limit: 50 })).items).toEqual([]);
    expect((await listPublishedReviews(db, { limit: 50, employee: 'ivanov' })).items).toEqual([]);
    expect(await reviewSummary(db, { employee: 'ivanov' })).toEqual({ count: 0, average: null });
    expect(await employeeRatings(db)).toEqual([]);
  });

  it('publishes the moderated text, not the original comment', async () => {
    const { db, ivanov } = await directory();
    const id = await addRating(db, { employeeId: ivanov, score: 5, comment: 'Спасибо, мой телефон +7 900 000-00-00' });
    await decide(db, id, 'approved', at(16), 'Спасибо, мой телефон [скрыто]');
    expect((await listPublishedReviews(db, { limit: 1 })).items[0]!.text).toBe('Спасибо, мой телефон [скрыто]');
  });

  it("filters by employee, with that employee's count and average to one decimal", async () => {
    const { db, ivanov, petrova } = await directory();
    for (const [i, score] of [5, 4, 4].entries())
      await publishedRating(db, { employeeId: ivanov, score, publishedAt: at(10 + i) });
    await publishedRating(db, { employeeId: petrova, score: 2, publishedAt: at(20) });
    await publishedRating(db, { subject: 'delivery', score: 1, publishedAt: at(21) });

    const page = await listPublishedReviews(db, { limit: 10, employee: 'ivanov' });
    expect(page.items.map((r) => r.score)).toEqual([4, 4, 5]);
    expect(page.items.every((r) => r.employee?.slug === 'ivanov')).toBe(true);
    expect(await reviewSummary(db, { employee: 'ivanov' })).toEqual({ count: 3, average: 4.3 });
    expect(await reviewSummary(db, { employee: 'petrova' })).toEqual({ count: 1, average: 2 });
    expect(await reviewSummary(db)).toEqual({ count: 5, average: 3.2 });
    expect(await reviewSummary(db, { employee: 'sidorov' })).toEqual({ count: 0, average: null }); // inactive
    expect(await reviewSummary(db, { employee: 'nobody' })).toEqual({ count: 0, average: null });
    expect((await listPublishedReviews(db, { limit: 10, employee: 'nobody' })).items).toEqual([]);

    expect(await employeeRatings(db)).toEqual([
      { slug: 'ivanov', name: 'Иванов Иван', position: 'Инженер', count: 3, average: 4.3 },
      { slug: 'petrova', name: 'Петрова Анна', position: 'Менеджер', count: 1, average: 2 },
    ]);
  });

  it("keeps a subject's reviews apart from the employees': its own filter, average and count", async () => {
    const { db, ivanov, petrova } = await directory();
    await addDelivery(db);
    await saveSubject(db, { now: () => new Date(at(1)) }, { slug: 'install', title: 'Установка', recipients: [] });
    await publishedRating(db, { employeeId: ivanov, score: 5, publishedAt: at(10) });
    await publishedRating(db, { employeeId: petrova, score: 4, publishedAt: at(11) });
    const late = await publishedRating(db, { subject: 'delivery', score: 2, comment: 'Опоздали', publishedAt: at(12) });
    await publishedRating(db, { subject: 'delivery', score: 3, publishedAt: at(9) });
    await publishedRating(db, { subject: 'install', score: 5, publishedAt: at(8) });

    const delivery = await listPublishedReviews(db, { limit: 10, subject: 'delivery' });
    expect(delivery.items.map((r) => r.score)).toEqual([2, 3]);
    expect(delivery.items[0]).toMatchObject({
      id: late,
      employee: null,
      subject: { slug: 'delivery', title: 'Качество доставки' },
    });
    expect(await reviewSummary(db, { subject: 'delivery' })).toEqual({ count: 2, average: 2.5 });
    // `employee` is every employee's reviews, and no subject's.
    expect(await reviewSummary(db, { subject: 'employee' })).toEqual({ count: 2, average: 4.5 });
    const employees = await listPublishedReviews(db, { limit: 10, subject: 'employee' });
    expect(employees.items.map((r) => r.employee?.slug)).toEqual(['petrova', 'ivanov']);
    expect(await reviewSummary(db)).toEqual({ count: 5, average: 3.8 });
    expect(await subjectRatings(db)).toEqual([
      { slug: 'delivery', name: 'Качество доставки', position: null, count: 2, average: 2.5 },
      { slug: 'install', name: 'Установка', position: null, count: 1, average: 5 },
    ]);
    expect((await employeeRatings(db)).map((r) => r.slug)).toEqual(['ivanov', 'petrova']);
    expect(await reviewSummary(db, { subject: 'nothing' })).toEqual({ count: 0, average: null });
    // A subject taken out of use shows its reviews no more, as a dismissed employee's.
    await db.updateTable('rating_subjects').set({ active: 0 }).where('slug', '=', 'install').execute();
    expect((await subjectRatings(db)).map((r) => r.slug)).toEqual(['delivery']);
    expect(await reviewSummary(db)).toEqual({ count: 4, average: 3.5 });
  });

  it('pages by keyset: every review once, in order, ties on the same instant broken by id', async () => {
    const { db, ivanov } = await directory();
    const ids: string[] = [];
    // 7 reviews, three of them published at the same instant.
    for (const [i, when] of [at(1), at(2), at(3), at(3), at(3), at(4), at(5)].entries()) {
      ids.push(await publishedRating(db, { employeeId: ivanov, score: (i % 5) + 1, publishedAt: when }));
    }
    const seen: string[] = [];
    let cursor: ReviewCursor | undefined;
    let pages = 0;
    do {
      const page = await listPublishedReviews(db, { limit: 3, cursor, employee: 'ivanov' });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    expect(seen.sort()).toEqual([...ids].sort());

    // Newest first; within the same instant, by id descending.
    const all = (await listPublishedReviews(db, { limit: 50 })).items;
    const pairs = all.map((r) => [r.publishedAt, r.id] as const);
    const sorted = [...pairs].sort((x, y) => (x[0] === y[0] ? (x[1] < y[1] ? 1 : -1) : x[0] < y[0] ? 1 : -1));
    expect(pairs).toEqual(sorted);

    // A review published meanwhile doesn't shift the second page.
    const first = await listPublishedReviews(db, { limit: 3 });
    await publishedRating(db, { employeeId: ivanov, score: 5, publishedAt: at(30) });
    const second = await listPublishedReviews(db, { limit: 3, cursor: first.nextCursor! });
    expect(second.items.map((r) => r.id)).toEqual(all.slice(3, 6).map((r) => r.id));
  });
});
