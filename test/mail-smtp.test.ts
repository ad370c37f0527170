import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxWorker } from '../server/mail/outbox-worker.ts';
import { attachments, bodyText, header, parseMime } from '../server/mail/testing/read-mime.ts';
import { manualClock, mailConfig, submitWithMail } from '../server/mail/testing/fixtures.ts';
import { createMailTransport } from '../server/mail/transport.ts';
import { openTestDb, type TestDb } from './support/databases.ts';

interface Received {
  from: string;
  to: string[];
  raw: Buffer;
}

/** A real SMTP peer on a free local port that keeps what it is given. */
async function startSmtp(options: Partial<SMTPServerOptions> = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const pdf = {
  filename: 'акт сверки №7.pdf',
  mime: 'application/pdf',
  content: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 1, 2, 255]),
};

describe('outbox over SMTP (nodemailer → smtp-server)', () => {
  let t: TestDb;
  let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
  const clock = manualClock();

  beforeEach(async () => {
    t = await openTestDb('sqlite');
  });
  afterEach(async () => {
    await smtp?.close();
    smtp = undefined;
    await t.close();
  });

  function worker(smtpUrl: string) {
    const config = mailConfig({ MAIL_TRANSPORT: 'smtp', SMTP_URL: smtpUrl });
    return {
      config,
      worker: createOutboxWorker({ db: t.db, transport: createMailTransport(config), clock, config }),
    };
  }
  const rows = () => t.db.selectFrom('outbox').selectAll().orderBy('template').execute();

  it('delivers the notification with its subject, Reply-To, recipients and attachment', async () => {
    smtp = await startSmtp();
    const { config, worker: w } = worker(`smtp://127.0.0.1:${smtp.port}`);
    await submitWithMail(t.db, { config, clock }, { email: 'client@example.ru', organization: 'ООО «Ромашка»' }, [pdf]);

    expect(await w.runOnce()).toBe(2);
    expect((await rows()).map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(smtp.received).toHaveLength(2);

    const notification = smtp.received.find((m) => m.to.includes('smk@example.ru'))!;
    expect(notification.to).toEqual(['smk@example.ru', 'quality@example.ru', 'ceo@example.ru']);
    expect(notification.from).toBe('otklik@example.ru');
    const mime = parseMime(notification.raw);
    expect(header(mime, 'subject')).toBe('Жалоба № 2026-00012 — ООО «Ромашка»');
    expect(header(mime, 'reply-to')).toBe('client@example.ru');
    const notificationRow = (await rows()).find((r) => r.template === 'feedback-notification')!;
    expect(header(mime, 'message-id')).toBe(`<${notificationRow.id}@example.ru>`);
    const files = attachments(mime);
    expect(files.map((f) => f.filename)).toEqual([pdf.filename]);
    expect(files[0]!.contentType).toBe('application/pdf');
    expect([...files[0]!.content]).toEqual([...pdf.content]);
    expect(bodyText(mime, 'text/plain')).toContain('Программа загружается 3–4 минуты.');
    expect(bodyText(mime, 'text/html')).toContain('<td');

    const ack = parseMime(smtp.received.find((m) => m.to.includes('client@example.ru'))!.raw);
    expect(header(ack, 'subject')).toBe('Ваше обращение № 2026-00012 зарегистрировано');
    expect(header(ack, 'reply-to')).toBe('smk@example.ru, quality@example.ru');
    expect(attachments(ack)).toEqual([]);
  });

  it('logs in when the server asks; wrong credentials leave the mail queued (the operator fixes them), not failed', async () => {
    smtp = await startSmtp({
      authOptional: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'otklik' && auth.password === 's3cret') callback(null, { user: 'otklik' });
        else callback(new Error('Invalid username or password'));
      },
    });
    const bad = worker(`smtp://otklik:wrong@127.0.0.1:${smtp.port}`);
    await submitWithMail(t.db, { config: bad.config, clock }, { email: null });
    await bad.worker.runOnce();
    expect(await rows()).toMatchObject([{ status: 'pending', attempts: 1 }]);
    expect(smtp.received).toHaveLength(0);

    clock.advance(3600_000);
    const good = worker(`smtp://otklik:s3cret@127.0.0.1:${smtp.port}`);
    expect(await good.worker.runOnce()).toBe(1);
    expect(await rows()).toMatchObject([{ status: 'sent' }]);
    expect(smtp.received).toHaveLength(1);
  });

  it('a 550 for every recipient fails the message at once; an unreachable server keeps it queued', async () => {
    smtp = await startSmtp({
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      },
    });
    const refused = worker(`smtp://127.0.0.1:${smtp.port}`);
    await submitWithMail(t.db, { config: refused.config, clock }, { email: null });
    await refused.worker.runOnce();
    expect(await rows()).toMatchObject([{ status: 'failed', attempts: 1 }]);

    const port = smtp.port;
    await smtp.close();
    smtp = undefined;
    await t.db.deleteFrom('outbox_state').execute();
    const down = worker(`smtp://127.0.0.1:${port}`);
    await submitWithMail(t.db, { config: down.config, clock }, { email: null, number: '2026-00013' });
    await down.worker.runOnce();
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.last_error).toMatch(/SMTP/);
  });
  it('a message refused for now (451) is retried with the Message-ID of its first try, even after MAIL_FROM changed', async () => {
    const tries: Buffer[] = [];
    smtp = await startSmtp({
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          tries.push(Buffer.concat(chunks));
          if (tries.length === 1) callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          else callback();
        });
      },
    });
    const first = worker(`smtp://127.0.0.1:${smtp.port}`);
    await submitWithMail(t.db, { config: first.config, clock }, { email: null });
    await first.worker.runOnce();
    expect(await rows()).toMatchObject([{ status: 'pending', attempts: 1 }]);

    clock.advance(3600_000);
    const config = mailConfig({
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Otklik <noreply@moved.example>',
    });
    await createOutboxWorker({ db: t.db, transport: createMailTransport(config), clock, config }).runOnce();
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'sent', message_id: `<${row!.id}@example.ru>` });
    expect(tries.map((raw) => header(parseMime(raw), 'message-id'))).toEqual([row!.message_id, row!.message_id]);
    expect(header(parseMime(tries[1]!), 'from')).toContain('noreply@moved.example');
  });
});
