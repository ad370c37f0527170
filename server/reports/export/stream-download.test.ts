import { parse } from 'csv-parse/sync';
import readExcelFile from 'read-excel-file/node';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../test/support/databases.ts';
import { listSubmissions } from '../../console/inbox-query.ts';
import type { Scope } from '../../console/scope.ts';
import { consoleHarness, type Harness } from '../../console/testing/harness.ts';
import { inboxReport } from './inbox-table.ts';
import { streamedFile } from './stream-download.ts';
import type { Cell, StreamedReport } from './table.ts';

let h: Harness;
afterEach(async () => h?.close());

/** The whole streamed file, and how it was finished. */
async function download(report: StreamedReport, format: 'csv' | 'xlsx') {
  const finished: Array<[number, boolean]> = [];
  const failed: unknown[] = [];
  const stream = streamedFile(
    report,
    format,
    async (rows, complete) => void finished.push([rows, complete]),
    (e) => failed.push(e),
  );
  const body = Buffer.from(await new Response(stream).arrayBuffer());
  return { body, finished, failed };
}

const csvNumbers = (body: Buffer) =>
  (parse(body, { bom: true, delimiter: ';', relax_column_count: true }) as string[][]).slice(4).map((r) => r[0]);
const xlsxNumbers = async (body: Buffer) => (await readExcelFile(body))[0]!.data.slice(2).map((r) => r[0]);

/** What the console's inbox lists for this scope, in its order, on one big page. */
async function inboxNumbers(scope: Scope) {
  return (await listSubmissions(h.db, scope, {}, { after: undefined, limit: 100 }, h.clock.now())).items.map(
    (i) => i.number,
  );
}

for (const kind of DB_KINDS) {
  describe(`streamed inbox file (${kind})`, () => {
    it('holds exactly the inbox’s rows in its order over many pages, in both formats, audited with their count', async () => {
      h = await consoleHarness(kind);
      for (let i = 0; i < 7; i++) await h.feedback({ kind: i % 3 ? 'thanks' : 'complaint', name: `Клиент ${i}` });
      const expected = await inboxNumbers({ all: true });
      expect(expected).toHaveLength(7);
      for (const format of ['csv', 'xlsx'] as const) {
        const { body, finished, failed } = await download(
          inboxReport(h.db, { all: true }, {}, h.clock.now(), 2),
          format,
        );
        expect(format === 'csv' ? csvNumbers(body) : await xlsxNumbers(body), format).toEqual(expected);
        expect(finished).toEqual([[7, true]]);
        expect(failed).toEqual([]);
      }
    });

    it('gives a handler only his department’s rows, page after page', async () => {
      h = await consoleHarness(kind);
      const { dks, logistics } = await h.directory();
      for (let i = 0; i < 6; i++) {
        const s = await h.feedback({ name: `Клиент ${i}` });
        await h.assign(s.id, i % 2 ? dks : logistics);
      }
      const scope: Scope = { all: false, departmentId: dks };
      const expected = await inboxNumbers(scope);
      expect(expected).toHaveLength(3);
      for (const format of ['csv', 'xlsx'] as const) {
        const { body } = await download(inboxReport(h.db, scope, {}, h.clock.now(), 2), format);
        expect(format === 'csv' ? csvNumbers(body) : await xlsxNumbers(body), format).toEqual(expected);
      }
    });
  });
}

const table = { title: 'T', sheet: 'T', columns: [{ key: 'n', title: 'N', type: 'text' as const }] };
const page = (n: number) => Array.from({ length: 100 }, (_, i) => ({ n: `${n}-${i}` }) as Record<string, Cell>);

describe('a streamed file cut short', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`aborts the ${format} download on an error after the first page, logs it and audits what went out`, async () => {
      const broken = new Error('database gone');
      async function* pages() {
        yield page(1);
        throw broken;
      }
      const finished: Array<[number, boolean]> = [];
      const failed: unknown[] = [];
      const stream = streamedFile(
        { name: 'x', title: 'X', table, pages: pages() },
        format,
        async (rows, complete) => void finished.push([rows, complete]),
        (e) => failed.push(e),
      );
      await expect(new Response(stream).arrayBuffer()).rejects.toThrow();
      expect(failed).toContain(broken);
      expect(finished).toEqual([[100, false]]);
    });

    it(`stops reading pages when the ${format} client goes away`, async () => {
      let read = 0;
      let closed = false;
      async function* pages() {
        try {
          for (let n = 0; n < 10_000; n++) {
            read++;
            yield page(n);
          }
        } finally {
          closed = true;
        }
      }
      const finished: Array<[number, boolean]> = [];
      const reader = streamedFile(
        { name: 'x', title: 'X', table, pages: pages() },
        format,
        async (rows, complete) => void finished.push([rows, complete]),
        () => {},
      ).getReader();
      await reader.read();
      await reader.cancel();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(closed).toBe(true);
      expect(read).toBeLessThan(50);
      expect(finished).toHaveLength(1);
      expect(finished[0]![1]).toBe(false);
    });
  }
});
