import { afterEach, describe, expect, it } from 'vitest';
import { ACCEPTED_FILES } from '../../shared/limits.ts';
import { loadOutgoingMail } from '../mail/outgoing-mail.ts';
import { buildTestApp } from '../../test/support/test-app.ts';
import { ALLOWED } from './attachments.ts';
import { cleanFilename, EXTENSIONS, storedFilename } from './file-name.ts';

describe('attachment names', () => {
  it('lose bidi overrides, isolates, zero-width and other format characters', () => {
    const cases: Array<[string, string]> = [
      ['отчёт\u202Egpj.exe', 'отчётgpj.exe'],
      ['\u2066счёт\u2069\u200B.pdf\uFEFF', 'счёт.pdf'],
      ['a\u200Eb\u200Fc\u202Ad\u202Be\u202Cf\u202Dg\u00AD.txt', 'abcdefg.txt'],
      ['C:\\Users\\anna\\акт\u0000 "1".pdf', 'акт 1.pdf'],
      ['\u202E', 'file'],
    ];
    expect(cases.map(([name]) => cleanFilename(name))).toEqual(cases.map(([, clean]) => clean));
  });

  it('take the extension of the type their content was recognised as, when they say another', () => {
    const cases: Array<[string, string, string]> = [
      ['отчёт.html', 'text/plain', 'отчёт.html.txt'],
      ['x.html', 'image/png', 'x.html.png'],
      ['отчёт\u202Egpj.exe', 'text/plain', 'отчётgpj.exe.txt'],
      ['README', 'text/plain', 'README.txt'],
      ['Фото.JPEG', 'image/jpeg', 'Фото.JPEG'],
      ['скан.tif', 'image/tiff', 'скан.tif'],
      ['данные.csv', 'text/csv', 'данные.csv'],
    ];
    expect(cases.map(([name, mime]) => storedFilename(name, mime))).toEqual(cases.map(([, , stored]) => stored));
  });

  it('know an extension for every accepted type, each one the picker offers', () => {
    const offered = new Set(ACCEPTED_FILES.split(',').map((e) => e.slice(1)));
    for (const mime of ALLOWED) expect(EXTENSIONS[mime], mime).toBeDefined();
    for (const exts of Object.values(EXTENSIONS)) for (const ext of exts) expect(offered, ext).toContain(ext);
  });
});

describe('an attachment posted under a misleading name', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  afterEach(async () => t?.close());

  it('is stored and mailed to the QMS under its safe name', async () => {
    t = await buildTestApp();
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8,
      2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde,
    ]);
    const form = new FormData();
    for (const [k, v] of Object.entries({ kind: 'complaint', message: 'Смотрите вложения', consent: 'on' }))
      form.append(k, v);
    form.append('files', new File(['<script>alert(1)</script> текст'], 'отчёт.html'));
    form.append('files', new File([png], 'x.html'));
    form.append('files', new File(['просто текст'], 'счёт\u202Efdp.exe'));
    const res = await t.app.request('/api/v1/feedback', { method: 'POST', body: form });
    expect(res.status).toBe(201);
    const stored = await t.db.selectFrom('attachments').select(['filename', 'mime']).orderBy('filename').execute();
    expect(stored).toEqual([
      { filename: 'x.html.png', mime: 'image/png' },
      { filename: 'отчёт.html.txt', mime: 'text/plain' },
      { filename: 'счётfdp.exe.txt', mime: 'text/plain' },
    ]);
    const rows = await t.db.selectFrom('outbox').selectAll().where('template', '=', 'feedback-notification').execute();
    const [mail] = await loadOutgoingMail(t.db, rows, { from: 'otklik@example.ru', now: new Date() });
    expect(mail!.attachments.map((a) => a.filename).sort()).toEqual(stored.map((s) => s.filename).sort());
    expect(mail!.text).toContain('отчёт.html.txt');
    expect(mail!.text).not.toContain('\u202E');
  });
});
