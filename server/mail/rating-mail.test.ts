import { afterEach, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDb, type TestDb } from '../../test/support/databases.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';
import { enqueueRatingMail, type RatingTarget } from './rating-mail.ts';
import { deliveryTarget, employeeTarget, sampleRating } from './templates/rating-samples.ts';
import { mailConfig, manualClock, type Submission } from './testing/fixtures.ts';

/** Stores a rating and queues its e-mails in one transaction, as the rating intake does. */
async function rate(
  db: Db,
  deps: { config: Config; clock: Clock },
  target: RatingTarget,
  overrides: Partial<Submission> = {},
) {
  const submission = sampleRating({ created_at: deps.clock.now().toISOString(), ...overrides });
  await db.transaction().execute(async (trx) => {
    const { status: _status, ...row } = submission;
    await trx.insertInto('submissions').values(row).execute();
    await enqueueRatingMail(trx, deps, submission, target);
  });
  return submission;
}

describe.each(DB_KINDS)('queueing the e-mails of a rating on %s', (kind) => {
  let t: TestDb;
  afterEach(async () => t?.close());
  const clock = manualClock();
  const config = mailConfig();
  const rows = async () => {
    const all = await t.db.selectFrom('outbox').selectAll().execute();
    const order = ['rating-notification', 'rating-qms-copy', 'rating-ack'];
    return all
      .sort((a, b) => order.indexOf(a.template) - order.indexOf(b.template))
      .map((r) => ({ ...r, to: JSON.parse(r.recipients) as string[] }));
  };

  it('an employee rating: to his manager, a separate copy to the QMS, the thank-you to the client', async () => {
    t = await openTestDb(kind);
    const submission = await rate(t.db, { config, clock }, employeeTarget());
    const [manager, copy, ack, ...more] = await rows();
    expect(more).toEqual([]);
    expect(manager).toMatchObject({
      template: 'rating-notification',
      submission_id: submission.id,
      to: ['petrov@example.ru'],
      reply_to: 'client@example.ru',
      subject: 'Оценка 4 из 5 — Иванов Иван',
      status: 'pending',
      attempts: 0,
      next_attempt_at: clock.now().toISOString(),
      attachment_ids: '[]',
    });
    expect(manager!.text).toContain('Быстро ответил на письмо.');
    expect(copy).toMatchObject({
      template: 'rating-qms-copy',
      submission_id: submission.id,
      to: ['smk@example.ru', 'quality@example.ru'],
      reply_to: 'client@example.ru',
      subject: 'Копия СМК: Оценка 4 из 5 — Иванов Иван',
    });
    expect(ack).toMatchObject({
      template: 'rating-ack',
      to: ['client@example.ru'],
      reply_to: 'smk@example.ru, quality@example.ru',
      subject: 'Спасибо за отзыв № 2026-00013',
    });
  });

  it('links the QMS’s messages to the rating’s card, and flags one of 1–2 stars as a possible complaint; not the manager’s', async () => {
    t = await openTestDb(kind);
    const withLink = mailConfig({ PUBLIC_URL: 'https://otklik.example.ru' });
    const low = await rate(t.db, { config: withLink, clock }, employeeTarget(), { score: 2 });
    const card = `https://otklik.example.ru/admin/submissions/${low.id}`;
    const [manager, copy] = await rows();
    expect(copy!.text).toContain(`Карточка: ${card}`);
    expect(copy!.html).toContain(`href="${card}"`);
    expect(copy!.text).toContain('Возможная жалоба: оценка 1–2 звезды. Сделать её жалобой — в карточке.');
    expect(manager!.text).not.toContain(card);
    expect(manager!.text).not.toContain('Возможная жалоба');
    await rate(t.db, { config: withLink, clock }, deliveryTarget(), { score: 5, number: '2026-00014' });
    const delivery = (await rows()).find((r) => r.subject.includes('доставки'))!;
    expect(delivery.text).toContain('Карточка: https://otklik.example.ru/admin/submissions/');
    expect(delivery.text).not.toContain('Возможная жалоба');
  });

  it('a manager who is on the QMS list gets one message, not two; the rest of the QMS its copy', async () => {
    t = await openTestDb(kind);
    await rate(t.db, { config, clock }, employeeTarget({ managerEmail: 'Quality@Example.ru' }), { email: null });
    const all = await rows();
    expect(all.map((r) => [r.template, r.to])).toEqual([
      ['rating-notification', ['Quality@Example.ru']],
      ['rating-qms-copy', ['smk@example.ru']],
    ]);
    expect(all.every((r) => r.reply_to === null)).toBe(true);
  });

  it('a manager who is the whole QMS: one message only', async () => {
    t = await openTestDb(kind);
    await rate(t.db, { config: mailConfig({ QMS_EMAIL: 'petrov@example.ru' }), clock }, employeeTarget(), {
      email: null,
    });
    expect((await rows()).map((r) => [r.template, r.to])).toEqual([['rating-notification', ['petrov@example.ru']]]);
  });

  it('a subject rating: one message to its recipients and the QMS, each address once', async () => {
    t = await openTestDb(kind);
    const target = deliveryTarget({ recipients: ['director@example.ru', ' SMK@example.ru ', 'director@example.ru'] });
    await rate(t.db, { config, clock }, target, { subject: 'delivery', score: 2, email: null });
    const all = await rows();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      template: 'rating-notification',
      to: ['director@example.ru', 'SMK@example.ru', 'quality@example.ru'],
      reply_to: null,
      subject: 'Оценка 2 из 5 — Качество доставки',
    });
  });

  it('a subject with no recipients of its own (delivery as installed): the QMS alone, and the client thanked', async () => {
    t = await openTestDb(kind);
    await rate(t.db, { config, clock }, deliveryTarget({ recipients: [] }), { subject: 'delivery' });
    const [notification, ack] = await rows();
    expect(notification).toMatchObject({ to: ['smk@example.ru', 'quality@example.ru'], reply_to: 'client@example.ru' });
    expect(ack).toMatchObject({ template: 'rating-ack', to: ['client@example.ru'] });
  });

  it('thanks an English-speaking client in English', async () => {
    t = await openTestDb(kind);
    await rate(t.db, { config, clock }, employeeTarget(), { lang: 'en' });
    const ack = (await rows()).find((r) => r.template === 'rating-ack');
    expect(ack).toMatchObject({ subject: 'Thank you for your review No. 2026-00013' });
    expect(ack!.text).toContain('Thank you for your review No. 2026-00013 of the work of ООО «Пример»');
    expect(ack!.text).toContain('★★★★☆ 4 of 5 — good');
  });

  it('keeps header-breaking characters out of addresses and subjects', async () => {
    t = await openTestDb(kind);
    await rate(t.db, { config, clock }, employeeTarget({ name: 'Иванов\r\nBcc: x@evil.example' }), {
      email: 'client@example.ru\r\nBcc: x@evil.example',
    });
    for (const r of await rows()) {
      expect(r.subject).not.toMatch(/[\r\n]/);
      expect(r.reply_to ?? '').not.toMatch(/[\r\n]/);
      expect(r.to.join()).not.toMatch(/[\r\n]/);
    }
  });

  it('belongs to the caller transaction: rolled back, no mail remains', async () => {
    t = await openTestDb(kind);
    await expect(
      t.db.transaction().execute(async (trx) => {
        const s = sampleRating();
        const { status: _s, ...row } = s;
        await trx.insertInto('submissions').values(row).execute();
        await enqueueRatingMail(trx, { config, clock }, s, employeeTarget());
        throw new Error('the request failed after queueing');
      }),
    ).rejects.toThrow('the request failed');
    expect(await rows()).toEqual([]);
  });

  it('refuses a submission that is not a rating with a score of 1–5, queueing nothing', async () => {
    t = await openTestDb(kind);
    for (const bad of [{ type: 'feedback' as const }, { score: null }, { score: 6 }, { score: 0 }]) {
      await expect(rate(t.db, { config, clock }, employeeTarget(), bad)).rejects.toThrow(
        'not a rating with a score of 1–5',
      );
    }
    expect(await rows()).toEqual([]);
  });
});
