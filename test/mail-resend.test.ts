import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxWorker } from '../server/mail/outbox-worker.ts';
import { insertOutboxMessage, retryFailedOutbox } from '../server/mail/outbox-store.ts';
import { manualClock, mailConfig, submitWithMail } from '../server/mail/testing/fixtures.ts';
import { createMailTransport } from '../server/mail/transport.ts';
import { openTestDb, type TestDb } from './support/databases.ts';
import { type FakeResend, startFakeResend } from './support/fake-resend.ts';

const pdf = {
  filename: 'акт сверки.pdf',
  mime: 'application/pdf',
  content: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 1, 2, 255, 254, 10, 13]),
};
const png = {
  filename: 'photo.png',
  mime: 'image/png',
  content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13, 7, 7]),
};

/** The subjects of the three complaints the batch tests queue, each delivered once. */
const THREE_COMPLAINTS = ['2026-00012', '2026-00013', '2026-00014'].map((n) => `Жалоба № ${n} — ООО «Ромашка»`);

describe('outbox over Resend (real SDK, local fake API)', () => {
  let t: TestDb;
  let fake: FakeResend;
  let clock: ReturnType<typeof manualClock>;

  beforeEach(async () => {
    t = await openTestDb('sqlite');
    fake = await startFakeResend();
    clock = manualClock();
  });
  afterEach(async () => {
    await fake.close();
    await t.close();
  });

  function setup(backoff = { baseMs: 1000, maxMs: 60_000, maxAttempts: 10 }) {
    const config = mailConfig({ MAIL_TRANSPORT: 'resend', RESEND_API_KEY: fake.apiKey, RESEND_BASE_URL: fake.url });
    const transport = createMailTransport(config, { clock });
    // random = 1: the back-off is exactly base·2^(n−1), so the test can count it.
    const worker = createOutboxWorker({ db: t.db, transport, clock, config, backoff, random: () => 1 });
    return { config, worker };
  }

  const outbox = () => t.db.selectFrom('outbox').selectAll().orderBy('created_at').orderBy('id').execute();

  /** Runs the worker and moves time on until nothing is pending; returns the simulated time taken. */
  async function drain(worker: { runOnce(): Promise<number> }, stepMs: number) {
    const start = clock.now().getTime();
    for (let i = 0; i < 200; i++) {
      await worker.runOnce();
      const pending = await t.db.selectFrom('outbox').select('id').where('status', '=', 'pending').execute();
      if (pending.length === 0) return clock.now().getTime() - start;
      clock.advance(stepMs);
    }
    throw new Error('the outbox never drained');
  }

  it('delivers every e-mail exactly once through an outage: plain ones in one batch, attachments alone and intact', async () => {
    const { config, worker } = setup();
    await submitWithMail(t.db, { config, clock }, { email: 'a@client.ru' }, [pdf, png]); // notification with files + ack
    await submitWithMail(t.db, { config, clock }, { email: 'b@client.ru', number: '2026-00013' }); // two plain
    await submitWithMail(t.db, { config, clock }, { email: null, number: '2026-00014' }, [pdf]); // notification with a file
    await submitWithMail(t.db, { config, clock }, { email: 'd@client.ru', number: '2026-00015' }); // two plain
    expect(await outbox()).toHaveLength(7);

    fake.failNext(3, { status: 500 });
    await drain(worker, 500);

    const rows = await outbox();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(fake.delivered).toHaveLength(7);
    // Exactly once: one delivery per outbox message, and each row knows its provider id.
    expect(new Set(fake.delivered.map((d) => d.id)).size).toBe(7);
    expect(rows.map((r) => r.provider_id).sort()).toEqual(fake.delivered.map((d) => d.id).sort());

    // The five plain messages went in one successful batch request, the two with files alone.
    const okBatches = fake.requests.filter((r) => r.path === '/emails/batch' && r.status === 200);
    expect(okBatches.map((r) => r.count)).toEqual([5]);
    expect(fake.delivered.filter((d) => d.via === 'batch')).toHaveLength(5);
    const withFiles = fake.delivered.filter((d) => d.attachments.length > 0);
    expect(withFiles.map((d) => d.via)).toEqual(['single', 'single']);
    // Failures happened and were retried under the same keys.
    expect(fake.requests.filter((r) => r.status === 500)).toHaveLength(3);

    const twoFiles = withFiles.find((d) => d.attachments.length === 2)!;
    expect(twoFiles.subject).toBe('Жалоба № 2026-00012 — ООО «Ромашка»');
    expect(twoFiles.to).toEqual(['smk@example.ru', 'quality@example.ru', 'ceo@example.ru']);
    expect(twoFiles.reply_to).toEqual(['a@client.ru']);
    expect(twoFiles.attachments.map((a) => a.filename)).toEqual([pdf.filename, png.filename]);
    expect(twoFiles.attachments.map((a) => a.content)).toEqual([
      Buffer.from(pdf.content).toString('base64'),
      Buffer.from(png.content).toString('base64'),
    ]);
    expect(twoFiles.attachments.map((a) => a.content_type)).toEqual(['application/pdf', 'image/png']);

    const ack = fake.delivered.find((d) => d.to[0] === 'a@client.ru')!;
    expect(ack.subject).toBe('Ваше обращение № 2026-00012 зарегистрировано');
    expect(ack.reply_to).toEqual(['smk@example.ru', 'quality@example.ru']);
    expect(ack.from).toBe(config.mailFrom);
  });

  it('hands Resend a client address on a .рф domain in punycode: his acknowledgement and the Reply-To to him', async () => {
    const { config, worker } = setup();
    await submitWithMail(t.db, { config, clock }, { email: 'ivan@почта.рф' });
    await drain(worker, 500);
    const ack = fake.delivered.find((d) => d.to.includes('ivan@xn--80a1acny.xn--p1ai'));
    const notification = fake.delivered.find((d) => d.to.includes('smk@example.ru'));
    expect(ack).toBeDefined();
    expect(notification!.reply_to).toEqual(['ivan@xn--80a1acny.xn--p1ai']);
    expect(JSON.stringify(fake.delivered.map((d) => [d.to, d.reply_to]))).not.toMatch(/[а-я]/);
    // Stored, and shown in the console, as he wrote it.
    expect((await outbox()).map((r) => r.recipients)).toContain(JSON.stringify(['ivan@почта.рф']));
  });

  it('honours 429 Retry-After: nothing is sent before it, the whole queue waits, then all go', async () => {
    const { config, worker } = setup({ baseMs: 100, maxMs: 60_000, maxAttempts: 10 });
    await submitWithMail(t.db, { config, clock }, { email: null }, [pdf]);
    await submitWithMail(t.db, { config, clock }, { email: null, number: '2026-00013' }, [png]);
    fake.failNext(1, { status: 429, retryAfter: '2' });

    expect(await worker.runOnce()).toBe(2);
    expect(fake.requests.map((r) => r.status)).toEqual([429]); // the second was not even tried
    const rows = await outbox();
    const start = clock.now().getTime();
    expect(rows.map((r) => new Date(r.next_attempt_at).getTime() - start)).toEqual([2000, 2000]);
    expect(rows.map((r) => r.attempts).sort()).toEqual([0, 1]); // only the one tried counts an attempt

    clock.advance(1999);
    expect(await worker.runOnce()).toBe(0);
    expect(fake.requests).toHaveLength(1);

    clock.advance(1);
    expect(await worker.runOnce()).toBe(2);
    expect(fake.delivered).toHaveLength(2);
    expect((await outbox()).map((r) => r.status)).toEqual(['sent', 'sent']);
  });

  it('an HTTP-date Retry-After is honoured as well', async () => {
    const { config, worker } = setup({ baseMs: 100, maxMs: 60_000, maxAttempts: 10 });
    await submitWithMail(t.db, { config, clock }, { email: null });
    fake.failNext(1, { status: 429, retryAfter: new Date(clock.now().getTime() + 30_000).toUTCString() });
    await worker.runOnce();
    const [row] = await outbox();
    expect(new Date(row!.next_attempt_at).getTime() - clock.now().getTime()).toBe(30_000);
  });

  it('answers lost after delivery: the retry reuses the idempotency key and nothing arrives twice', async () => {
    const { config, worker } = setup();
    await submitWithMail(t.db, { config, clock }, { email: 'a@client.ru' }, [pdf]);
    await submitWithMail(t.db, { config, clock }, { email: 'b@client.ru', number: '2026-00013' });
    fake.loseAnswers(2);
    await drain(worker, 1000);

    expect(fake.delivered).toHaveLength(4);
    expect(fake.requests.filter((r) => r.replayed)).toHaveLength(2);
    const rows = await outbox();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(rows.map((r) => r.provider_id).sort()).toEqual(fake.delivered.map((d) => d.id).sort());
  });

  it('a batch whose answer was lost is repeated exactly as it was, even when more mail has been queued since', async () => {
    const { config, worker } = setup();
    await submitWithMail(t.db, { config, clock }, { email: null });
    await submitWithMail(t.db, { config, clock }, { email: null, number: '2026-00013' });
    fake.loseAnswers(1);
    await worker.runOnce();
    expect(fake.delivered).toHaveLength(2);

    clock.advance(60_000); // the lost batch is due again, together with a newcomer
    await submitWithMail(t.db, { config, clock }, { email: null, number: '2026-00014' });
    await drain(worker, 1000);

    expect(fake.delivered.map((d) => d.subject).sort()).toEqual(THREE_COMPLAINTS);
    expect(fake.requests.filter((r) => r.replayed).map((r) => r.count)).toEqual([2]);
    expect((await outbox()).every((r) => r.status === 'sent')).toBe(true);
  });

  it('a message sent alone whose answer was lost goes alone again, never into a batch with newcomers', async () => {
    const { config, worker } = setup();
    await submitWithMail(t.db, { config, clock }, { email: null });
    fake.loseAnswers(1);
    await worker.runOnce();
    expect(fake.delivered).toHaveLength(1);

    clock.advance(60_000); // due again, together with two newcomers that will go as a batch
    await submitWithMail(t.db, { config, clock }, { email: null, number: '2026-00013' });
    await submitWithMail(t.db, { config, clock }, { email: null, number: '2026-00014' });
    await drain(worker, 1000);

    // Its retry carries its own key and is replayed; a batch key would have delivered it twice.
    expect(fake.delivered.map((d) => d.subject).sort()).toEqual(THREE_COMPLAINTS);
    expect(fake.requests.filter((r) => r.replayed).map((r) => r.count)).toEqual([1]);
    expect((await outbox()).every((r) => r.status === 'sent')).toBe(true);
  });

  it('a permanent 422 fails the message at once; retryFailedOutbox and a recovered API send it', async () => {
    const { config, worker } = setup();
    await submitWithMail(t.db, { config, clock }, { email: null }, [pdf]);
    fake.failNext(1, { status: 422, name: 'invalid_attachment', message: 'Attachment is invalid.' });

    await worker.runOnce();
    let [row] = await outbox();
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row!.last_error).toContain('422');
    clock.advance(24 * 3600_000);
    expect(await worker.runOnce()).toBe(0);
    expect(fake.delivered).toHaveLength(0);

    expect(await retryFailedOutbox(t.db, clock)).toBe(1);
    expect(await worker.runOnce()).toBe(1);
    [row] = await outbox();
    expect(row).toMatchObject({ status: 'sent', attempts: 0 });
    expect(fake.delivered).toHaveLength(1);
  });

  it('a batch refused for one bad address: the others go one by one, the bad one fails', async () => {
    const { worker } = setup();
    const mail = { subject: 's', html: '<p>x</p>', text: 'x' };
    for (const to of ['one@example.ru', 'not-an-address', 'three@example.ru']) {
      await insertOutboxMessage(t.db, clock, { template: 'test', submissionId: null, to: [to], replyTo: [], mail });
    }
    await worker.runOnce();
    const rows = await outbox();
    expect(Object.fromEntries(rows.map((r) => [JSON.parse(r.recipients)[0], r.status]))).toEqual({
      'one@example.ru': 'sent',
      'not-an-address': 'failed',
      'three@example.ru': 'sent',
    });
    expect(fake.requests[0]).toMatchObject({ path: '/emails/batch', status: 422, count: 3 });
    expect(
      fake.requests
        .slice(1)
        .map((r) => `${r.path} ${r.status}`)
        .sort(),
    ).toEqual(['/emails 200', '/emails 200', '/emails 422']);
    expect(fake.delivered.map((d) => d.to[0]).sort()).toEqual(['one@example.ru', 'three@example.ru']);
  });

  it('a retried message carries the Message-ID fixed before its first try, even after MAIL_FROM changed', async () => {
    const { config, worker } = setup();
    await submitWithMail(t.db, { config, clock }, { email: 'a@client.ru' }, [pdf]); // two messages, sent alone
    fake.failNext(1, { status: 500 });
    await worker.runOnce(); // the first request fails; the other message is put back untried
    expect(fake.requests).toHaveLength(1);
    const [tried] = fake.requests[0]!.messageIds;
    expect(tried).toMatch(/^<[^@>]+@example\.ru>$/);

    const moved = mailConfig({
      MAIL_TRANSPORT: 'resend',
      RESEND_API_KEY: fake.apiKey,
      RESEND_BASE_URL: fake.url,
      MAIL_FROM: 'Otklik <noreply@moved.example>',
    });
    const transport = createMailTransport(moved, { clock });
    await drain(createOutboxWorker({ db: t.db, transport, clock, config: moved, random: () => 1 }), 60_000);

    const rows = await outbox();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    // The retried one keeps its id; the other's first try was after the change.
    const retried = rows.find((r) => r.message_id === tried)!;
    expect(retried.message_id).toBe(`<${retried.id}@example.ru>`);
    const other = rows.find((r) => r !== retried)!;
    expect(other.message_id).toBe(`<${other.id}@moved.example>`);
    expect(fake.delivered.map((d) => d.headers['Message-ID']).sort()).toEqual(rows.map((r) => r.message_id).sort());
    expect(fake.delivered.find((d) => d.idempotencyKey === retried.id)?.headers['Message-ID']).toBe(tried);
    expect(fake.delivered.every((d) => d.headers['Auto-Submitted'] === 'auto-generated')).toBe(true);
  });

  it('gives up after maxAttempts', async () => {
    const { config, worker } = setup({ baseMs: 10, maxMs: 100, maxAttempts: 3 });
    await submitWithMail(t.db, { config, clock }, { email: null });
    fake.failNext(5, { status: 500 });
    for (let i = 0; i < 5; i++) {
      await worker.runOnce();
      clock.advance(1000);
    }
    const [row] = await outbox();
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(fake.requests).toHaveLength(3);
  });
});
