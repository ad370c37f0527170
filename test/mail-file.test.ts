import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertOutboxMessage } from '../server/mail/outbox-store.ts';
import { createOutboxWorker } from '../server/mail/outbox-worker.ts';
import { complaintReply } from '../server/mail/templates/complaint-reply.ts';
import { loadOutgoingMail } from '../server/mail/outgoing-mail.ts';
import { attachments, bodyText, header, parseMime } from '../server/mail/testing/read-mime.ts';
import { manualClock, mailConfig, submitWithMail } from '../server/mail/testing/fixtures.ts';
import { createMailTransport } from '../server/mail/transport.ts';
import { openTestDb, type TestDb } from './support/databases.ts';

const xss = `<img src=x onerror=alert(1)> "&'`;
const docx = {
  filename: 'претензия.docx',
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  content: new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0]),
};

const note = { filename: 'заметка.txt', mime: 'text/plain', content: new TextEncoder().encode('Накладная № 15') };

describe('file transport (the default): one .eml per message under the data folder', () => {
  let t: TestDb;
  let dataDir: string;
  const clock = manualClock('2026-12-01T09:05:07.123Z');

  beforeEach(async () => {
    t = await openTestDb('sqlite');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-mail-'));
  });
  afterEach(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes real MIME messages with the attachment, named by time and outbox id, with no temp files left', async () => {
    const config = mailConfig({ DATA_DIR: dataDir });
    expect(config.mailTransport).toBe('file');
    const worker = createOutboxWorker({
      db: t.db,

      transport: createMailTransport(config),
      clock,
      config,
    });
    await submitWithMail(t.db, { config, clock }, { name: xss, organization: null }, [docx, note]);

    expect(await worker.runOnce()).toBe(2);
    const dir = path.join(dataDir, 'mail');
    const files = fs.readdirSync(dir).sort();
    const rows = await t.db.selectFrom('outbox').selectAll().execute();
    expect(files).toEqual(rows.map((r) => `2026-12-01T09-05-07.123Z-${r.id}.eml`).sort());
    expect(rows.every((r) => r.status === 'sent' && files.includes(r.provider_id!))).toBe(true);

    const notification = rows.find((r) => r.template === 'feedback-notification')!;
    const raw = fs.readFileSync(path.join(dir, notification.provider_id!));
    expect(raw.includes('\r\n')).toBe(true);
    const mime = parseMime(raw);
    expect(header(mime, 'subject')).toBe(`Жалоба № 2026-00012 — <img src=x onerror=alert(1)> "&'`);
    expect(header(mime, 'to')).toBe('smk@example.ru, quality@example.ru, ceo@example.ru');
    expect(header(mime, 'from')).toBe('Otklik <otklik@example.ru>');
    // Sent by a machine (RFC 3834): out-of-office replies don't come back as letters.
    expect(header(mime, 'auto-submitted')).toBe('auto-generated');
    const [file, text] = attachments(mime);
    expect(file?.filename).toBe('претензия.docx');
    expect([...file!.content]).toEqual([...docx.content]);
    // Text says its charset, or a mail reader may show its Cyrillic as ASCII garbage.
    expect(text).toMatchObject({ filename: 'заметка.txt', contentType: 'text/plain', charset: 'utf-8' });
    expect(text!.content.toString('utf8')).toBe('Накладная № 15');
    const body = bodyText(mime, 'text/html')!;
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;&amp;&#39;');
    expect(body).not.toContain('<img');
  });

  it('sending the same message again replaces its file instead of adding a copy', async () => {
    const config = mailConfig({ DATA_DIR: dataDir });
    const transport = createMailTransport(config);
    await submitWithMail(t.db, { config, clock }, { email: null });
    const rows = await t.db.selectFrom('outbox').selectAll().execute();
    const [mail] = await loadOutgoingMail(t.db, rows, { from: config.mailFrom, now: clock.now() });
    await transport.send(mail!);
    await transport.send(mail!);
    expect(fs.readdirSync(path.join(dataDir, 'mail'))).toHaveLength(1);
  });

  it('a mail folder that cannot be written keeps the message queued', async () => {
    const blocker = path.join(dataDir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    const config = mailConfig({ DATA_DIR: blocker });
    const worker = createOutboxWorker({
      db: t.db,

      transport: createMailTransport(config),
      clock,
      config,
    });
    await submitWithMail(t.db, { config, clock }, { email: null });
    await worker.runOnce();
    const [row] = await t.db.selectFrom('outbox').selectAll().execute();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.last_error).toContain('Mail folder');
  });

  it('marks the system’s messages automatic, and not a person’s reply to the client', async () => {
    const config = mailConfig({ DATA_DIR: dataDir });
    const { submission } = await submitWithMail(t.db, { config, clock }, {});
    await insertOutboxMessage(t.db, clock, {
      template: 'complaint-reply',
      submissionId: submission.id,
      to: ['client@example.ru'],
      replyTo: ['smk@example.ru'],
      mail: complaintReply(
        { number: submission.number, lang: 'ru', text: 'Добрый день! Деньги вернём завтра.', from: 'Ольга' },
        'ООО «Пример»',
      ),
    });
    const worker = createOutboxWorker({ db: t.db, transport: createMailTransport(config), clock, config });
    expect(await worker.runOnce()).toBe(3);
    const dir = path.join(dataDir, 'mail');
    const rows = await t.db.selectFrom('outbox').select(['id', 'template']).execute();
    const headersOf = (template: string) => {
      const id = rows.find((r) => r.template === template)!.id;
      const mime = parseMime(fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.includes(id))!)));
      return [header(mime, 'auto-submitted') ?? null, header(mime, 'x-auto-response-suppress') ?? null];
    };
    expect(headersOf('feedback-ack')).toEqual(['auto-generated', 'OOF, AutoReply']);
    expect(headersOf('feedback-notification')).toEqual(['auto-generated', 'OOF, AutoReply']);
    expect(headersOf('complaint-reply')).toEqual([null, null]);
    // The reply follows up the client's acknowledgement: one conversation in his mail reader.
    const mimeOf = (template: string) => {
      const id = rows.find((r) => r.template === template)!.id;
      return parseMime(fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.includes(id))!)));
    };
    const ackId = header(mimeOf('feedback-ack'), 'message-id');
    expect(ackId).toMatch(/^<.+@example\.ru>$/);
    expect(header(mimeOf('complaint-reply'), 'in-reply-to')).toBe(ackId);
    expect(header(mimeOf('complaint-reply'), 'references')).toBe(ackId);
    expect(header(mimeOf('feedback-ack'), 'in-reply-to')).toBeUndefined();
    expect(header(mimeOf('feedback-notification'), 'in-reply-to')).toBeUndefined();
  });

  it('keeps the quotes and the comma of a sender’s name as written in MAIL_FROM', async () => {
    const config = mailConfig({ DATA_DIR: dataDir, MAIL_FROM: 'ООО "Ромашка & Ко", СМК <otklik@example.ru>' });
    await submitWithMail(t.db, { config, clock }, { email: null });
    await createOutboxWorker({ db: t.db, transport: createMailTransport(config), clock, config }).runOnce();
    const dir = path.join(dataDir, 'mail');
    const mime = parseMime(fs.readFileSync(path.join(dir, fs.readdirSync(dir)[0]!)));
    expect(header(mime, 'from')).toBe('ООО "Ромашка & Ко", СМК <otklik@example.ru>');
  });
});
