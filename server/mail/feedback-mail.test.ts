import { afterEach, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDb, type TestDb } from '../../test/support/databases.ts';
import { enqueueFeedbackMail } from './feedback-mail.ts';
import { manualClock, mailConfig, sampleSubmission, submitWithMail } from './testing/fixtures.ts';

describe.each(DB_KINDS)('queueing the e-mails of a feedback message on %s', (kind) => {
  let t: TestDb;
  afterEach(async () => t?.close());
  const clock = manualClock();
  const config = mailConfig();
  const rows = () => t.db.selectFrom('outbox').selectAll().orderBy('template', 'desc').execute();
  const file = { filename: 'a.pdf', mime: 'application/pdf', content: new Uint8Array([1, 2, 3]) };

  it('queues the notification to QMS and CEO with the files, and the client acknowledgement', async () => {
    t = await openTestDb(kind);
    const { submission, attachments } = await submitWithMail(t.db, { config, clock }, {}, [file, file]);
    const [notification, ack] = await rows();
    expect(notification).toMatchObject({
      template: 'feedback-notification',
      submission_id: submission.id,
      reply_to: 'client@example.ru',
      status: 'pending',
      attempts: 0,
      next_attempt_at: clock.now().toISOString(),
      subject: 'Жалоба № 2026-00012 — ООО «Ромашка»',
      batch_key: null,
    });
    expect(JSON.parse(notification!.recipients)).toEqual(['smk@example.ru', 'quality@example.ru', 'ceo@example.ru']);
    expect(JSON.parse(notification!.attachment_ids)).toEqual(attachments.map((a) => a.id));
    expect(ack).toMatchObject({
      template: 'feedback-ack',
      reply_to: 'smk@example.ru, quality@example.ru',
      subject: 'Ваше обращение № 2026-00012 зарегистрировано',
      attachment_ids: '[]',
    });
    expect(JSON.parse(ack!.recipients)).toEqual(['client@example.ru']);
  });

  it('without the client e-mail: only the notification, with no Reply-To; no CEO configured: the QMS alone', async () => {
    t = await openTestDb(kind);
    await submitWithMail(t.db, { config: mailConfig({ CEO_EMAIL: '' }), clock }, { email: null });
    const all = await rows();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ template: 'feedback-notification', reply_to: null });
    expect(JSON.parse(all[0]!.recipients)).toEqual(['smk@example.ru', 'quality@example.ru']);
  });

  it('links a thanks and a suggestion to their card too, without the complaint’s steps', async () => {
    t = await openTestDb(kind);
    const config = mailConfig({ PUBLIC_URL: 'https://otklik.example.ru' });
    const { submission } = await submitWithMail(t.db, { config, clock }, { kind: 'thanks', email: null });
    const [notification] = await rows();
    expect(notification!.text).toContain(`Карточка: https://otklik.example.ru/admin/submissions/${submission.id}`);
    expect(notification!.text).not.toContain('Приём претензии');
  });

  it('belongs to the caller transaction: rolled back, no mail remains', async () => {
    t = await openTestDb(kind);
    await expect(
      t.db.transaction().execute(async (trx) => {
        const s = sampleSubmission();
        const { status: _s, ...row } = s;
        await trx.insertInto('submissions').values(row).execute();
        await enqueueFeedbackMail(trx, { config, clock }, s, []);
        throw new Error('the request failed after queueing');
      }),
    ).rejects.toThrow('the request failed');
    expect(await rows()).toEqual([]);
  });
});
