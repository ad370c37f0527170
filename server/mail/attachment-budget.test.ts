import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDb, type TestDb } from '../../test/support/databases.ts';
import { loadConfig } from '../env.ts';
import { encodedSize } from './attachment-budget.ts';
import { loadOutgoingMail } from './outgoing-mail.ts';
import { createOutboxWorker } from './outbox-worker.ts';
import { createMailTransport } from './transport.ts';
import { mailConfig, manualClock, submitWithMail } from './testing/fixtures.ts';

const file = (filename: string, size: number) => ({
  filename,
  mime: 'application/pdf',
  content: new Uint8Array(size).fill(0x25),
});

describe.each(DB_KINDS)('the QMS notification’s attachments on %s', (kind) => {
  let t: TestDb;
  afterEach(async () => t?.close());
  const clock = manualClock();

  it('carries files up to MAIL_ATTACH_MB together and links the rest to the card', async () => {
    t = await openTestDb(kind);
    // 0.01 MB = 10,486 bytes as sent: the first and the third fit together (6,158 and 4,106 in
    // base64), the second doesn't.
    const config = mailConfig({ MAIL_ATTACH_MB: '0.01', PUBLIC_URL: 'https://otklik.example.ru' });
    const { submission, attachments } = await submitWithMail(t.db, { config, clock }, {}, [
      file('акт.pdf', 4500),
      file('скан большой.pdf', 8000),
      file('счёт.pdf', 3000),
    ]);
    const rows = await t.db.selectFrom('outbox').selectAll().where('template', '=', 'feedback-notification').execute();
    const [mail] = await loadOutgoingMail(t.db, rows, { from: 'otklik@example.ru', now: clock.now() });
    expect(mail!.attachments.map((a) => a.filename)).toEqual(['акт.pdf', 'счёт.pdf']);
    expect(JSON.parse(rows[0]!.attachment_ids)).toEqual([attachments[0]!.id, attachments[2]!.id]);
    const card = `https://otklik.example.ru/admin/submissions/${submission.id}`;
    expect(mail!.text).toContain(
      `скан большой.pdf — application/pdf, 7,8 КБ (8000 байт), не приложен: слишком велик для письма, скачайте в карточке: ${card}`,
    );
    expect(mail!.html).toContain(`<a href="${card}"`);
    // Said in both parts: the plain text is the same letter as the HTML.
    for (const body of [mail!.html, mail!.text]) expect(body.match(/приложен к письму/g)).toHaveLength(2);
  });

  it('counts a file as it is sent, in base64: 9,000 bytes are 12,316 in the message', async () => {
    t = await openTestDb(kind);
    const config = mailConfig({ MAIL_ATTACH_MB: '0.01' }); // 10,486 bytes
    await submitWithMail(t.db, { config, clock }, {}, [file('скан.pdf', 9000)]);
    const row = await t.db
      .selectFrom('outbox')
      .select('attachment_ids')
      .where('template', '=', 'feedback-notification')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.attachment_ids)).toEqual([]);
  });

  it('keeps the default notification under Postfix’s 10,240,000 bytes as written: 6.8 MB attached, 7 MB linked', async () => {
    t = await openTestDb(kind);
    expect(loadConfig({}).mailAttachBytes).toBe(9 * 1024 * 1024);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-budget-'));
    try {
      const config = mailConfig({ DATA_DIR: dataDir });
      await submitWithMail(t.db, { config, clock }, { email: null }, [file('скан.pdf', 6_800_000)]);
      await submitWithMail(t.db, { config, clock }, { email: null, number: '2026-00013' }, [
        file('скан.pdf', 7_000_000),
      ]);
      const worker = createOutboxWorker({ db: t.db, transport: createMailTransport(config), clock, config });
      expect(await worker.runOnce()).toBe(2);
      const dir = path.join(dataDir, 'mail');
      const sizes = fs
        .readdirSync(dir)
        .map((f) => fs.statSync(path.join(dir, f)).size)
        .sort((a, b) => a - b);
      expect(sizes[0]).toBeLessThan(100_000); // the 7 MB file linked to the card
      expect(sizes[1]).toBeGreaterThan(9_000_000); // the 6.8 MB one attached …
      expect(sizes[1]).toBeLessThan(10_240_000); // … within what Postfix takes by default
      expect(encodedSize(7_000_000)).toBeGreaterThan(9 * 1024 * 1024);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('attaches every file under the default 9 MB, and none with MAIL_ATTACH_MB=0', async () => {
    t = await openTestDb(kind);
    const files = [file('a.pdf', 3000), file('b.pdf', 3000)];
    await submitWithMail(t.db, { config: mailConfig(), clock }, {}, files);
    await submitWithMail(t.db, { config: mailConfig({ MAIL_ATTACH_MB: '0' }), clock }, { number: '2026-00013' }, files);
    const rows = await t.db
      .selectFrom('outbox')
      .select(['attachment_ids', 'subject'])
      .where('template', '=', 'feedback-notification')
      .execute();
    const attached = Object.fromEntries(
      rows.map((r) => [r.subject.split(' — ')[0], JSON.parse(r.attachment_ids).length]),
    );
    expect(attached).toEqual({ 'Жалоба № 2026-00012': 2, 'Жалоба № 2026-00013': 0 });
  });
});
