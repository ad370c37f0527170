import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { deliverAll } from '../../server/mail/testing/deliver-all.ts';
import { allParts, attachments, header, parseMime } from '../../server/mail/testing/read-mime.ts';
import type { FuzzApp } from './fuzz-harness.ts';

/** The headers Otklik's messages have; an injected line would add another. */
const MESSAGE_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'reply-to',
  'subject',
  'message-id',
  'date',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'auto-submitted',
  'x-auto-response-suppress',
  'in-reply-to',
  'references',
]);
const PART_HEADERS = new Set(['content-type', 'content-transfer-encoding', 'content-disposition', 'content-id']);

/**
 * What was stored after the fuzzing is whole: every message has its e-mails, every file its
 * message, and file names carry no path or control characters.
 */
export async function expectStoredWhole(f: FuzzApp) {
  const submissions = await f.db.selectFrom('submissions').select(['id', 'type', 'number']).execute();
  const mailed = new Set(
    (await f.db.selectFrom('outbox').select('submission_id').execute()).map((r) => r.submission_id),
  );
  const unmailed = submissions.filter((s) => !mailed.has(s.id)).map((s) => s.number);
  expect(unmailed, 'messages stored without their e-mails').toEqual([]);
  const ids = new Set(submissions.map((s) => s.id));
  const files = await f.db.selectFrom('attachments').select(['submission_id', 'filename', 'mime']).execute();
  expect(files.filter((a) => !ids.has(a.submission_id)).length, 'files without a message').toBe(0);
  for (const a of files) {
    expect(a.filename, 'a stored file name').toMatch(/^[^\\/\u0000-\u001F\u007F]+$/);
    expect(a.filename).not.toMatch(/^\.\.?$/);
    expect(a.mime, `${a.filename}: a stored type`).not.toMatch(/html|svg|javascript|xml$/);
  }
  return { submissions: submissions.length, files: files.length };
}

/**
 * Sends every queued e-mail through the file transport, as a fresh install does, and reads each
 * `.eml` back: only Otklik's own headers, the recipients the outbox row names and no others,
 * a subject on one line. CR/LF typed into a name or an e-mail must not have made a header.
 */
export async function expectMailHeadersClean(f: FuzzApp): Promise<number> {
  const rows = await f.db.selectFrom('outbox').selectAll().execute();
  for (const r of rows) {
    expect(r.subject, 'an outbox subject').not.toMatch(/[\r\n]/);
    expect(r.reply_to ?? '', 'an outbox Reply-To').not.toMatch(/[\r\n]/);
    expect(r.recipients, 'outbox recipients').not.toMatch(/[\r\n]/);
  }
  await deliverAll(f);
  const dir = path.join(f.config.dataDir, 'mail');
  const emls = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.eml')) : [];
  expect(emls.length, 'every queued e-mail written').toBe(rows.length);
  for (const name of emls) {
    const row = rows.find((r) => name.endsWith(`-${r.id}.eml`))!;
    const mime = parseMime(fs.readFileSync(path.join(dir, name)));
    expect(
      [...mime.headers.keys()].filter((h) => !MESSAGE_HEADERS.has(h)),
      `${name}: extra headers`,
    ).toEqual([]);
    for (const part of allParts(mime).slice(1))
      expect(
        [...part.headers.keys()].filter((h) => !PART_HEADERS.has(h)),
        `${name}: extra part headers`,
      ).toEqual([]);
    // Cyrillic domains go out as punycode: the count of addresses is what an injection would change.
    expect(header(mime, 'to')?.split(/,\s*/).length, `${name}: To`).toBe(
      (JSON.parse(row.recipients) as string[]).length,
    );
    expect(header(mime, 'subject'), `${name}: Subject`).not.toMatch(/[\r\n]/);
  }
  return emls.length;
}

/** The attachments of every `.eml` the file transport wrote (after `expectMailHeadersClean`). */
export function mailedAttachments(f: FuzzApp) {
  const dir = path.join(f.config.dataDir, 'mail');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.eml'))
    .flatMap((n) => attachments(parseMime(fs.readFileSync(path.join(dir, n)))));
}
