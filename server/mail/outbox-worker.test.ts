import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDb, type TestDb } from '../../test/support/databases.ts';
import { claimDueOutbox } from './outbox-claim.ts';
import { groupForBatch, removeFromOutbox } from './outbox-store.ts';
import { createOutboxWorker } from './outbox-worker.ts';
import { manualClock, mailConfig, submitWithMail } from './testing/fixtures.ts';
import { recordingTransport } from './testing/recording-transport.ts';
import type { MailTransport } from './mail-transport.ts';
import { MailSendError } from './mail-error.ts';
import { systemClock } from '../clock.ts';

async function until(check: () => boolean | Promise<boolean>, ms = 5000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(5);
  }
}

describe.each(DB_KINDS)('outbox worker on %s', (kind) => {
  let t: TestDb;
  const clock = manualClock();
  const config = mailConfig();
  beforeEach(async () => {
    t = await openTestDb(kind);
  });
  afterEach(async () => t.close());
  const statuses = async () => (await t.db.selectFrom('outbox').select('status').execute()).map((r) => r.status);

  it('kick() sends queued mail at once, without waiting for the next poll', async () => {
    const transport = recordingTransport();
    const worker = createOutboxWorker({ db: t.db, transport, clock, config, pollMs: 60_000 });
    worker.start();
    await until(async () => (await statuses()).length === 0);
    await submitWithMail(t.db, { config, clock }, { email: null });
    worker.kick();
    await until(() => transport.sent.length === 1, 1000);
    await worker.stop();
    expect(await statuses()).toEqual(['sent']);
  });

  it('polls, never runs twice at once, and stop() waits for the send in progress', async () => {
    let inFlight = 0;
    let most = 0;
    let sent = 0;
    const slow: MailTransport = {
      name: 'slow',
      async send(mail) {
        most = Math.max(most, ++inFlight);
        await sleep(30);
        inFlight--;
        sent++;
        return { providerId: mail.id };
      },
    };
    const worker = createOutboxWorker({
      db: t.db,

      transport: slow,
      clock,
      config,
      pollMs: 1,
      claimLimit: 1,
    });
    for (let i = 0; i < 3; i++) await submitWithMail(t.db, { config, clock }, { email: null, number: `2026-0000${i}` });
    worker.start();
    for (let i = 0; i < 20; i++) worker.kick();
    await until(() => inFlight === 1);
    for (let i = 0; i < 20; i++) worker.kick();
    await sleep(10);
    await until(() => inFlight === 1);
    await worker.stop();
    expect(inFlight).toBe(0);
    expect(most).toBe(1);
    const afterStop = sent;
    worker.kick();
    await sleep(50);
    expect(sent).toBe(afterStop);
  });

  it('takes over the messages of an instance that died holding them once its lease runs out', async () => {
    await submitWithMail(t.db, { config, clock }, { email: null });
    const dead = await claimDueOutbox(t.db, {
      now: clock.now(),
      leaseUntil: new Date(clock.now().getTime() + 120_000),
      limit: 10,
    });
    expect(dead).toHaveLength(1);

    const transport = recordingTransport();
    const worker = createOutboxWorker({ db: t.db, transport, clock, config });
    expect(await worker.runOnce()).toBe(0);
    clock.advance(120_001);
    expect(await worker.runOnce()).toBe(1);
    expect(transport.sent.map((m) => m.id)).toEqual([dead[0]!.id]);
  });

  it('keeps its claim while a send outlasts the lease, so no other instance sends the message again', async () => {
    await submitWithMail(t.db, { config, clock }, { email: null });
    const slow = recordingTransport({ delayMs: 2_000 });
    const other = recordingTransport();
    const leaseMs = 1_000; // the send takes two leases
    const worker = createOutboxWorker({ db: t.db, transport: slow, clock: systemClock, config, leaseMs });
    const rival = createOutboxWorker({ db: t.db, transport: other, clock: systemClock, config, leaseMs });
    const sending = worker.runOnce();
    await until(() => slow.requests === 1);
    while (slow.sent.length === 0) {
      await rival.runOnce();
      await sleep(20);
    }
    await sending;
    expect(other.sent).toHaveLength(0);
    expect(await statuses()).toEqual(['sent']);
  });

  it("writes a send's outcome only under its own claim: a late failure leaves a message another instance sent", async () => {
    await submitWithMail(t.db, { config, clock }, { email: null });
    const lines: string[] = [];
    const overtaken: MailTransport = {
      name: 'overtaken',
      async send(mail) {
        // Meanwhile the claim ran out, and another instance claimed the message and sent it.
        await t.db
          .updateTable('outbox_state')
          .set({ status: 'sent', locked_until: null, provider_id: 'rival' })
          .where('id', '=', mail.id)
          .execute();
        throw new MailSendError('Resend 409 concurrent_idempotent_requests', { permanent: false, scope: 'message' });
      },
    };
    const worker = createOutboxWorker({ db: t.db, transport: overtaken, clock, config, log: (l) => lines.push(l) });
    expect(await worker.runOnce()).toBe(1);
    const row = await t.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', provider_id: 'rival', attempts: 0, last_error: null });
  });

  it('does not mark sent a message whose claim another instance holds now, and says so', async () => {
    await submitWithMail(t.db, { config, clock }, { email: null });
    const lines: string[] = [];
    const late: MailTransport = {
      name: 'late',
      async send(mail) {
        await t.db
          .updateTable('outbox_state')
          .set({ locked_until: '2999-01-01T00:00:00.000Z' })
          .where('id', '=', mail.id)
          .execute();
        return { providerId: 'late-1' };
      },
    };
    const worker = createOutboxWorker({ db: t.db, transport: late, clock, config, log: (l) => lines.push(l) });
    expect(await worker.runOnce()).toBe(1);
    const row = await t.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', provider_id: null, locked_until: '2999-01-01T00:00:00.000Z' });
    expect(lines.join('\n')).toContain('had passed to another claim');
  });

  it('stops after the send in progress, handing the rest of its claim back at once', async () => {
    for (let i = 0; i < 4; i++) await submitWithMail(t.db, { config, clock }, { email: null, number: `2026-0000${i}` });
    const slow = recordingTransport({ delayMs: 200 });
    const worker = createOutboxWorker({ db: t.db, transport: slow, clock, config });
    const run = worker.runOnce();
    await until(() => slow.requests === 1);
    await worker.stop();
    expect(await run).toBe(4);
    expect(slow.requests).toBe(1);
    const rows = await t.db.selectFrom('outbox').select(['status', 'locked_until', 'attempts']).execute();
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(1);
    // Free at once for another instance, or this one once started again; no attempt spent.
    expect(rows.filter((r) => r.status === 'pending')).toEqual(
      Array(3).fill({ status: 'pending', locked_until: null, attempts: 0 }),
    );
  });

  it('stops waiting for a send that hangs once its time is up', async () => {
    await submitWithMail(t.db, { config, clock }, { email: null });
    const hanging = recordingTransport({ delayMs: 1_500 });
    const lines: string[] = [];
    const worker = createOutboxWorker({ db: t.db, transport: hanging, clock, config, log: (l) => lines.push(l) });
    const run = worker.runOnce();
    await until(() => hanging.requests === 1);
    const started = Date.now();
    await worker.stop(100);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(lines.join('\n')).toContain('without waiting longer than 0.1 s');
    await run; // before the database closes
  });

  it('says a failed send at warn, where LOG_LEVEL=warn keeps it, and a sent one at info', async () => {
    await submitWithMail(t.db, { config, clock }, { email: null });
    await submitWithMail(t.db, { config, clock }, { email: null, number: '2026-00002' });
    const info: string[] = [];
    const warned: string[] = [];
    let calls = 0;
    const flaky: MailTransport = {
      name: 'flaky',
      async send(mail) {
        if (calls++ === 0) throw new MailSendError('SMTP: 450 mailbox busy', { scope: 'message' });
        return { providerId: mail.id };
      },
    };
    const worker = createOutboxWorker({
      db: t.db,
      transport: flaky,
      clock,
      config,
      log: (l) => info.push(l),
      warn: (l) => warned.push(l),
    });
    await worker.runOnce();
    expect(warned).toEqual([expect.stringContaining('not sent (attempt 1): SMTP: 450 mailbox busy')]);
    expect(info).toEqual(['1 e-mail(s) sent via flaky']);
  });

  it('does not send a message whose claim another instance took before its send began', async () => {
    await submitWithMail(t.db, { config, clock }, { email: null });
    await submitWithMail(t.db, { config, clock }, { email: null, number: '2026-00002' });
    const sent: string[] = [];
    const warned: string[] = [];
    const slow: MailTransport = {
      name: 'slow',
      async send(mail) {
        // Meanwhile the other message's claim ran out and another instance claimed it.
        await t.db
          .updateTable('outbox_state')
          .set({ locked_until: '2999-01-01T00:00:00.000Z' })
          .where('id', '!=', mail.id)
          .execute();
        sent.push(mail.id);
        return { providerId: mail.id };
      },
    };
    const worker = createOutboxWorker({ db: t.db, transport: slow, clock, config, warn: (l) => warned.push(l) });
    expect(await worker.runOnce()).toBe(2);
    expect(sent).toHaveLength(1);
    expect(warned.join('\n')).toContain('another instance claimed its messages meanwhile');
    const other = await t.db.selectFrom('outbox').selectAll().where('id', '!=', sent[0]!).executeTakeFirstOrThrow();
    expect(other).toMatchObject({ status: 'pending', attempts: 0, locked_until: '2999-01-01T00:00:00.000Z' });
  });

  it('sends a refused batch message by message under the claim it renewed', async () => {
    await submitWithMail(t.db, { config, clock }, { email: null }, [
      { filename: 'a.pdf', mime: 'application/pdf', content: Buffer.from('%PDF-1.4') },
    ]);
    await submitWithMail(t.db, { config, clock }, { email: null, number: '2026-00002' });
    await submitWithMail(t.db, { config, clock }, { email: null, number: '2026-00003' });
    const requests: string[] = [];
    const picky: MailTransport = {
      name: 'picky',
      batchMax: 100,
      async send(mail) {
        requests.push(mail.attachments.length > 0 ? 'alone with a file' : 'alone');
        clock.advance(1_000); // each claim taken on after it is a new lease
        return { providerId: mail.id };
      },
      async sendBatch(mails) {
        requests.push(`batch of ${mails.length}`);
        throw new MailSendError('Resend 422 validation_error', { permanent: true, scope: 'message' });
      },
    };
    const worker = createOutboxWorker({ db: t.db, transport: picky, clock, config });
    expect(await worker.runOnce()).toBe(3);
    expect(requests).toEqual(['alone with a file', 'batch of 2', 'alone', 'alone']);
    expect(await statuses()).toEqual(['sent', 'sent', 'sent']);
  });

  it('hands back what it cannot start before half its lease has passed', async () => {
    for (let i = 0; i < 3; i++) await submitWithMail(t.db, { config, clock }, { email: null, number: `2026-0000${i}` });
    const ticking: MailTransport = {
      name: 'ticking',
      async send(mail) {
        clock.advance(40_000);
        return { providerId: mail.id };
      },
    };
    const worker = createOutboxWorker({
      db: t.db,

      transport: ticking,
      clock,
      config,
      leaseMs: 120_000,
    });
    expect(await worker.runOnce()).toBe(3);
    expect((await statuses()).sort()).toEqual(['pending', 'sent', 'sent']);
    const left = await t.db.selectFrom('outbox').selectAll().where('status', '=', 'pending').executeTakeFirstOrThrow();
    expect(left).toMatchObject({ locked_until: null, attempts: 0 });
    expect(await worker.runOnce()).toBe(1);
  });

  it('a message removed from a batch (data erased) leaves the rest of the batch sendable', async () => {
    for (let i = 0; i < 3; i++) await submitWithMail(t.db, { config, clock }, { email: null, number: `2026-0000${i}` });
    const ids = (await t.db.selectFrom('outbox').select('id').orderBy('id').execute()).map((r) => r.id);
    await groupForBatch(t.db, ids[0]!, ids);
    await removeFromOutbox(t.db, [ids[0]!]);
    const transport = recordingTransport({ batch: true });
    const worker = createOutboxWorker({ db: t.db, transport, clock, config });
    expect(await worker.runOnce()).toBe(2);
    expect(transport.sent.map((m) => m.id).sort()).toEqual(ids.slice(1));
  });
});
