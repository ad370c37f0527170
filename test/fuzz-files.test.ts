import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DB_KINDS } from './support/databases.ts';
import { fieldParts, multipart } from './support/fuzz-bodies.ts';
import { hostileFile, zipBombDocx } from './support/fuzz-files.ts';
import { type FuzzApp, fuzzApp, fuzzParams, reportTried } from './support/fuzz-harness.ts';
import { expectMailHeadersClean, expectStoredWhole, mailedAttachments } from './support/fuzz-stored.ts';

vi.setConfig({ testTimeout: 120_000 });

const FIELDS = { kind: 'complaint', message: 'Акт во вложении', consent: 'on', email: 'client@example.ru' };
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The extensions a mail client may open a file of this type by. */
const EXTENSIONS: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'text/plain': ['txt', 'text', 'log'],
  'text/csv': ['csv'],
  [DOCX]: ['docx'],
};

/** Format controls (bidi overrides, zero-width) turn `отчёт\u202Egpj.exe` into «отчётexe.jpg» on screen. */
const FORMAT_CONTROLS = /\p{Cf}/u;

describe.each(DB_KINDS)('fuzz: attachments on %s', (kind) => {
  let f: FuzzApp;
  beforeAll(async () => {
    f = await fuzzApp(kind);
  });
  afterAll(async () => {
    if (f) reportTried('attachments', kind, f.tried());
    await f?.close();
  });

  it.each([
    ['word/document.xml', false],
    ['[Content_Types].xml, what a type sniffer reads', true],
  ])(
    'a zip bomb disguised as a .docx (1 GB of %s in 1 MB) is never expanded: time and memory stay small',
    async (_, bombTypes) => {
      const bomb = zipBombDocx({ megabytes: 1024, bombTypes });
      expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
      const body = multipart([
        ...fieldParts(FIELDS),
        { name: 'files', filename: 'договор.docx', type: DOCX, content: bomb },
      ]);
      global.gc?.();
      const rss = process.memoryUsage().rss;
      const started = performance.now();
      const res = await f.hit({ method: 'POST', path: '/api/v1/feedback', ...body });
      const ms = performance.now() - started;
      const grew = (process.memoryUsage().rss - rss) / 1024 / 1024;
      console.log(
        `[fuzz] zip bomb (${bombTypes ? 'types' : 'document'}) on ${kind}: ${res.status} in ${ms.toFixed(0)} ms, RSS +${grew.toFixed(0)} MB`,
      );
      expect(ms, 'answered in under 3 s').toBeLessThan(3000);
      expect(grew, 'RSS grew by less than 100 MB').toBeLessThan(100);
      if (res.status === 201) {
        const { id } = (await res.json()) as { id: string };
        const stored = await f.db.selectFrom('attachments').select(['size']).where('submission_id', '=', id).execute();
        expect(
          stored.map((a) => a.size),
          'kept as sent, not expanded',
        ).toEqual([bomb.length]);
      }
    },
  );

  it('files with hostile names and names that lie about their content', async () => {
    const files = fc.array(hostileFile, { minLength: 1, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(files, async (list) => {
        const parts = [...fieldParts(FIELDS), ...list.map((file) => ({ name: 'files', ...file }))];
        await f.hit({ method: 'POST', path: '/api/v1/feedback', ...multipart(parts) });
      }),
      fuzzParams(2),
    );
  });

  it('stored and mailed files carry a safe name whose extension fits what they are', async () => {
    const stored = await expectStoredWhole(f);
    expect(stored.files, 'some fuzzed files were stored').toBeGreaterThan(0);
    await expectMailHeadersClean(f);
    const wrong: string[] = [];
    const rows = await f.db.selectFrom('attachments').select(['filename', 'mime']).execute();
    const mailed = mailedAttachments(f);
    for (const { filename, mime } of [...rows, ...mailed.map((a) => ({ filename: a.filename, mime: a.contentType }))]) {
      const ext = filename.toLowerCase().split('.').pop() ?? '';
      if (FORMAT_CONTROLS.test(filename)) wrong.push(`${JSON.stringify(filename)}: format controls in the name`);
      if (EXTENSIONS[mime] && !EXTENSIONS[mime].includes(ext)) wrong.push(`${JSON.stringify(filename)} is ${mime}`);
    }
    console.log(`[fuzz] attachments on ${kind}: ${rows.length} stored, ${mailed.length} mailed files checked`);
    expect([...new Set(wrong)], 'names a mail client would open as something else').toEqual([]);
  });
});
