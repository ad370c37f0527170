import { setImmediate, setTimeout as sleep } from 'node:timers/promises';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { StreamedReport } from './table.ts';
import { filterHeader, putRow, sheetHead, xmlText } from './xlsx.ts';

/** How much of a sheet's XML may wait for the zip's compression before the next page is read. */
const BACKLOG = 1 << 20;

/**
 * The sheet's XML not yet taken by the zip. exceljs pipes it into the zip's entry without waiting
 * (its StreamBuf ignores the entry's backpressure), so a page is read faster than it is compressed
 * and, unchecked, the whole sheet piles up in memory there; exceljs has no public way to ask.
 */
function backlog(sheet: ExcelJS.Worksheet): number {
  // The entry is archiver's readable-stream 2 PassThrough: it has `_writableState`, no `writableLength`.
  type Piped = { stream?: { pipes?: Array<{ _writableState?: { length: number } }> } };
  const pipes = (sheet as unknown as Piped).stream?.pipes ?? [];
  return pipes.reduce((sum, p) => sum + (p._writableState?.length ?? 0), 0);
}

/** Resolves when the zip has compressed what waited and `out` can take more, or `out` is gone. */
async function caughtUp(sheet: ExcelJS.Worksheet, out: Writable) {
  // A turn of the event loop first: with nothing waiting, the zip and the client still get theirs.
  await setImmediate();
  while (!out.destroyed && (backlog(sheet) > BACKLOG || out.writableNeedDrain)) await sleep(5);
}

/**
 * A streamed report as an XLSX workbook of one worksheet, the same cells toXlsx makes of it,
 * written into `out` as its pages come: exceljs's streaming writer zips each committed row and
 * keeps none. The next page is read only once `out` has taken the last (so memory holds about a
 * page however slow the client), and none once `out` is destroyed.
 *
 * Without shared strings: their table would hold every distinct text (each client's message) to
 * the end. Text is then written inline as a plain string value, and still never as a formula:
 * exceljs writes `<f>` only for a `{ formula }` object, never for a string (xlsx.ts).
 * @example await writeXlsx(inboxReport(db, scope, filter, now), passThrough)
 */
export async function writeXlsx(report: StreamedReport, out: Writable): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = 'Otklik';
  book.title = xmlText(report.title);
  const { columns } = report.table;
  const sheet = sheetHead(book, report.title, { ...report.table, rows: [] }, new Set());
  let next = 3;
  for await (const rows of report.pages) {
    for (const row of rows) putRow(sheet, next++, columns, row).commit();
    await caughtUp(sheet, out);
    if (out.destroyed) return;
  }
  filterHeader(sheet, columns.length, next - 3);
  sheet.commit();
  await book.commit();
}
