import { setImmediate } from 'node:timers/promises';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { StreamedReport } from './table.ts';
import { filterHeader, putRow, sheetHead } from './xlsx.ts';

/** Resolves when `out` can take more, or is gone (the client went away). */
function drained(out: Writable) {
  return new Promise<void>((resolve) => {
    const go = () => {
      out.off('drain', go);
      out.off('close', go);
      resolve();
    };
    out.on('drain', go);
    out.on('close', go);
  });
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
  book.title = report.title;
  const { columns } = report.table;
  const sheet = sheetHead(book, report.title, { ...report.table, rows: [] }, new Set());
  let next = 3;
  for await (const rows of report.pages) {
    for (const row of rows) putRow(sheet, next++, columns, row).commit();
    // A turn of the event loop lets the zip compress what came; then `out` says whether it is full.
    await setImmediate();
    if (out.writableNeedDrain) await drained(out);
    if (out.destroyed) return;
  }
  filterHeader(sheet, columns.length, next - 3);
  sheet.commit();
  await book.commit();
}
