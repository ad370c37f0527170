import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../test/support/databases.ts';
import { multipart, openRequest, servedTestApp } from '../../test/support/listen.ts';
import { PDF_BYTES } from '../../test/support/test-app.ts';
import { FIELD_ERRORS } from '../../shared/i18n.ts';

import { uploadsRoot } from './upload-dir.ts';

let t: Awaited<ReturnType<typeof servedTestApp>>;
afterEach(async () => t?.close());

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const fields = () =>
  multipart.field('kind', 'complaint') +
  multipart.field('message', 'Акт не подписан') +
  multipart.field('consent', 'on');
/** Every file left under <DATA_DIR>/tmp. */
const leftovers = () =>
  fs.existsSync(uploadsRoot(t.config.dataDir))
    ? fs.readdirSync(uploadsRoot(t.config.dataDir), { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    : [];
const storedCount = async () => (await t.db.selectFrom('submissions').select('id').execute()).length;
const start = async (env: Record<string, string> = {}, kind: (typeof DB_KINDS)[number] = 'sqlite') => {
  t = await servedTestApp({ BODY_IDLE_SECONDS: '1', MAX_FILE_MB: '1', ...env }, kind);
  return openRequest(`${t.url}/api/v1/feedback`, { 'content-type': multipart.type });
};

describe.each(DB_KINDS)('a streamed multipart feedback on %s', (kind) => {
  it('stores two files intact, byte for byte, and leaves no temporary file', async () => {
    const pdf = Buffer.concat([PDF_BYTES, randomBytes(700_000)]);
    const text = Buffer.from('Показания счётчика: 12345\n'.repeat(20_000));
    const req = await start({}, kind);
    await req.write(fields());
    await req.write(multipart.fileHead('files', 'акт сверки.pdf'));
    for (let i = 0; i < pdf.length; i += 64 * 1024) await req.write(pdf.subarray(i, i + 64 * 1024));
    await req.write(`\r\n${multipart.fileHead('files', 'показания.txt')}`);
    await req.write(text);
    req.end(`\r\n${multipart.end}`);
    const res = await req.response;
    expect(res.status, res.body).toBe(201);
    const files = await t.db.selectFrom('attachments').selectAll().orderBy('filename').execute();
    expect(files.map((f) => [f.filename, f.mime, f.size, f.sha256])).toEqual([
      ['акт сверки.pdf', 'application/pdf', pdf.length, sha256(pdf)],
      ['показания.txt', 'text/plain', text.length, sha256(text)],
    ]);
    expect(sha256(new Uint8Array(files[0]!.content))).toBe(sha256(pdf));
    expect(sha256(new Uint8Array(files[1]!.content))).toBe(sha256(text));
    expect(leftovers()).toEqual([]);
  });
});

describe('a streamed multipart feedback, refused', () => {
  it('refuses a file over MAX_FILE_MB with 413 naming files as it arrives, and keeps no temporary file', async () => {
    const req = await start();
    await req.write(fields());
    await req.write(multipart.fileHead('files', 'big.pdf'));
    await req.write(PDF_BYTES);
    for (let i = 0; i < 20; i++) await req.write(randomBytes(64 * 1024));
    // Never ended: only a server that counted the file while it streamed can answer.
    const res = await req.response;
    expect(res.status).toBe(413);
    expect(Object.keys(JSON.parse(res.body).error.fields)).toEqual(['files']);
    expect(leftovers()).toEqual([]);
    expect(await storedCount()).toBe(0);
  });

  it('refuses a forbidden type from its first bytes, before the file is over', async () => {
    const req = await start({ BODY_IDLE_SECONDS: '30' });
    await req.write(fields());
    await req.write(multipart.fileHead('files', 'invoice.pdf'));
    await req.write(
      Buffer.concat([
        Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0, 0x04, 0, 0, 0, 0xff, 0xff]),
        randomBytes(70_000),
      ]),
    );
    const res = await req.response;
    expect(res.status).toBe(415);
    expect(res.at).toBeLessThan(5000);
    expect(JSON.parse(res.body).error.fields).toHaveProperty('files');
    expect(leftovers()).toEqual([]);
  });

  it('cuts an upload that stalls for BODY_IDLE_SECONDS with 408, and removes what had arrived', async () => {
    const req = await start();
    await req.write(fields());
    await req.write(multipart.fileHead('files', 'scan.pdf'));
    await req.write(Buffer.concat([PDF_BYTES, randomBytes(100_000)]));
    const res = await req.response;
    expect(res.status).toBe(408);
    expect(JSON.parse(res.body).error.code).toBe('body_timeout');
    expect(res.at).toBeGreaterThanOrEqual(900);
    expect(res.at).toBeLessThan(4000);
    expect(leftovers()).toEqual([]);
    expect(await storedCount()).toBe(0);
  });

  it('answers a body with a broken or missing boundary with 400', async () => {
    t = await servedTestApp();
    const post = (type: string, body: string) =>
      t.app.request('/api/v1/feedback', { method: 'POST', headers: { 'content-type': type }, body });
    const unfinished = `${fields()}${multipart.fileHead('files', 'a.txt')}текст`;
    expect((await post(multipart.type, unfinished)).status).toBe(400);
    expect((await post('multipart/form-data', `${fields()}${multipart.end}`)).status).toBe(400);
    expect((await post(multipart.type, 'no parts at all, only noise')).status).toBe(400);
    expect(leftovers()).toEqual([]);
  });

  it('refuses a text field that is not UTF-8 with 400, as a JSON body, and stores nothing', async () => {
    t = await servedTestApp();
    const post = (...parts: Array<string | number[]>) =>
      t.app.request('/api/v1/feedback', {
        method: 'POST',
        headers: { 'content-type': multipart.type },
        body: Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Uint8Array.from(p)))),
      });
    const head = `${multipart.field('kind', 'complaint')}${multipart.field('consent', 'on')}`;
    const message = `--${multipart.boundary}\r\nContent-Disposition: form-data; name="message"\r\n\r\n`;
    // Half a Cyrillic letter (0xD0 then «A»), a byte UTF-8 never has (0xFF), an overlong «/».
    for (const bad of [[0xd0, 0x41], [0xff], [0xc0, 0xaf]]) {
      const res = await post(head, message, 'Акт ', bad, `\r\n${multipart.end}`);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect((await res.json()).error.code).toBe('bad_request');
    }
    expect(await storedCount()).toBe(0);
    // The same message in UTF-8 is stored as typed; a part that names its charset is read by it.
    const named = `--${multipart.boundary}\r\nContent-Disposition: form-data; name="name"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n`;
    const res = await post(head, message, 'Акт не подписан\r\n', named, `Анна\r\n${multipart.end}`);
    expect(res.status).toBe(201);
    const row = await t.db.selectFrom('submissions').select(['message', 'name']).executeTakeFirstOrThrow();
    expect(row).toEqual({ message: 'Акт не подписан', name: 'Анна' });
  });

  it('shows the hosted form again with what was typed before a refused file', async () => {
    t = await servedTestApp({ MAX_FILE_MB: '0.01' });
    const form = new FormData();
    form.append('kind', 'complaint');
    form.append('message', 'Текст, набранный до файла');
    form.append('files', new File([PDF_BYTES, new Uint8Array(20_000)], 'big.pdf'));
    const res = await t.app.request('/f', { method: 'POST', body: form });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('Текст, набранный до файла</textarea>');
    expect(leftovers()).toEqual([]);
  });

  it('keeps the consent ticked after a refused file, read past it to the end of the form', async () => {
    t = await servedTestApp({ MAX_FILE_MB: '0.01' });
    const form = new FormData();
    form.append('kind', 'complaint');
    form.append('message', 'Видео во вложении');
    form.append('files', new File([PDF_BYTES, new Uint8Array(20_000)], 'big.pdf'));
    form.append('files', new File(['MZ\x90\0'], 'next.pdf'));
    form.append('consent', 'true');
    const res = await t.app.request('/f', { method: 'POST', body: form });
    expect(res.status).toBe(413);
    const page = await res.text();
    expect(page).toContain('Видео во вложении</textarea>');
    expect(page).toMatch(/name="consent" value="true" checked/);
    expect(page).toContain('Слишком большой размер');
    expect(leftovers()).toEqual([]);
    expect(await storedCount()).toBe(0);
  });

  it('shows the hosted form again with the message typed above a body over every bound, not a bare error page', async () => {
    // Five files of 10 KB and 1 MB of fields at most: a 2 MB file is over the whole body's bound.
    t = await servedTestApp({ MAX_FILE_MB: '0.01' });
    const body = Buffer.concat([
      Buffer.from(multipart.field('kind', 'complaint') + multipart.field('message', 'Текст над огромным файлом')),
      Buffer.from(multipart.fileHead('files', 'video.pdf')),
      PDF_BYTES,
      Buffer.alloc(2 * 1024 * 1024),
      Buffer.from(`\r\n${multipart.field('consent', 'on')}${multipart.end}`),
    ]);
    const res = await fetch(`${t.url}/f`, { method: 'POST', headers: { 'content-type': multipart.type }, body });
    expect(res.status).toBe(413);
    const page = await res.text();
    expect(page).toContain('Текст над огромным файлом</textarea>');
    expect(page).toContain('Слишком большой размер');
    // The consent came after the bound, unread: the page says to tick it again.
    expect(page).toContain('Нужно согласие на обработку персональных данных');
    expect(await storedCount()).toBe(0);
  });

  it('names what else is wrong with a form refused for its files, all at once', async () => {
    t = await servedTestApp();
    const form = new FormData();
    form.append('message', 'Шесть файлов и без вида');
    for (let i = 0; i < 6; i++) form.append('files', new File([PDF_BYTES], `${i}.pdf`));
    form.append('consent', 'true');
    const res = await t.app.request('/f', { method: 'POST', body: form });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('Можно приложить не больше 5 файлов');
    expect(page).toContain('Выберите: благодарность, жалоба или предложение');
    expect(page).toMatch(/name="consent" value="true" checked/);
  });

  it('names the file it refused on the hosted form, and heads a form wrong in other fields too «Проверьте поля формы»', async () => {
    t = await servedTestApp();
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0, 0x04, 0, 0, 0, 0xff, 0xff, 0, 0]);
    const form = new FormData();
    form.append('kind', 'complaint');
    form.append('message', 'Акт и счёт во вложении');
    form.append('phone', '12');
    for (const name of ['акт.pdf', 'счёт.pdf']) form.append('files', new File([exe, new Uint8Array(5000)], name));
    form.append('files', new File([PDF_BYTES], 'договор.pdf'));
    form.append('consent', 'true');
    const res = await t.app.request('/f', { method: 'POST', body: form });
    expect(res.status).toBe(415);
    const page = await res.text();
    expect(page).toContain('<div class="alert" role="alert" tabindex="-1" autofocus><p>Проверьте поля формы</p>');
    // A refused file is named; the files after it are skipped unread, unless their own check
    // ended first (then they are named too, each once, in the order their checks ended).
    const [text, names] = /<div class="error" id="files-error">([^<]*)<\/div>/.exec(page)![1]!.split(': ');
    expect(text).toBe(FIELD_ERRORS.ru.fileType);
    const named = names!.split(', ');
    expect(named.length).toBeGreaterThan(0);
    expect(new Set(named).size).toBe(named.length);
    for (const name of named) expect(['акт.pdf', 'счёт.pdf']).toContain(name);
    expect(page).toContain('Проверьте номер телефона');
  });

  it('refuses fields over 1 MB together with 413, however they are split', async () => {
    t = await servedTestApp();
    const form = new FormData();
    form.append('kind', 'complaint');
    for (let i = 0; i < 5; i++) form.append(`note${i}`, 'x'.repeat(300_000));
    const res = await t.app.request('/api/v1/feedback', { method: 'POST', body: form });
    expect(res.status).toBe(413);
  });
});
