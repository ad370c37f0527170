import ExcelJS from 'exceljs';
import { dayDate, wallClock } from './company-clock.ts';
import { type Cell, type Column, type ReportFile, type Table, WRAPPED_WIDTH } from './table.ts';

const FORMATS: Record<Column['type'], string> = {
  text: '@',
  code: '@',
  link: '@',
  integer: '0',
  number: '0.0#',
  percent: '0.0%',
  date: 'dd.mm.yyyy',
  datetime: 'dd.mm.yyyy hh:mm',
};

// XML 1.0 has no place for most control characters (a tab, line feed and carriage return are
// fine), nor for lone surrogates: one of them in a client's text would make the file unreadable.
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Excel's limit on a cell's text. */
const MAX_TEXT = 32_767;

/**
 * A cell's value for exceljs: numbers as numbers, dates as dates in the company's time, and text
 * always as a plain string. exceljs makes a formula only of a `{ formula }` object, never of a
 * string, so «=cmd|' /C calc'!A0» is stored as that text (a shared string), and opens as text.
 */
function value(v: Cell, type: Column['type']): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (type === 'date') return dayDate(v);
  if (type === 'datetime') return wallClock(v);
  // A whole http(s) address only (PUBLIC_URL unset leaves the card's path, shown as text).
  if (type === 'link' && /^https?:\/\/[^\s"]+$/.test(v)) return { text: v, hyperlink: v };
  return xmlText(v).slice(0, MAX_TEXT);
}

/** Text as XML can hold it: what it can't, as U+FFFD. Titles too carry names the users typed. */
export const xmlText = (v: string) => v.replace(NOT_XML, '\ufffd');

/** A worksheet's name as Excel allows it: 31 characters, none of `[]:*?/\`, unique in the book. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Лист';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function width(c: Column, t: Table): number {
  if (c.width) return c.width;
  // A heading on one line: wrapped, it would need a row height only Excel works out on opening.
  const heading = c.title.length + 2;
  if (c.type !== 'text' && c.type !== 'code' && c.type !== 'link')
    return Math.max(heading, c.type === 'datetime' ? 17 : c.type === 'date' ? 11 : 8);
  const longest = Math.max(...t.rows.slice(0, 200).map((r) => String(r[c.key] ?? '').length), 6);
  return Math.min(Math.max(longest + 2, heading), 60);
}

/**
 * A worksheet with the title in row 1 and the header in row 2 (frozen with it), its rows to come
 * from row 3. `rows` guess the text columns' widths: a streamed table has none yet.
 */
export function sheetHead(book: ExcelJS.Workbook, reportTitle: string, t: Table, taken: Set<string>) {
  const sheet = book.addWorksheet(sheetName(t.sheet, taken), {
    views: [{ state: 'frozen', ySplit: 2 }],
    // Printed, a table is as wide as the page and its header repeats on every page.
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
  });
  const title = sheet.getCell(1, 1);
  // The inbox's one table is named in the report's title already («Обращения по фильтру…»).
  title.value = xmlText(reportTitle.startsWith(t.title) ? reportTitle : `${t.title}. ${reportTitle}`);
  title.font = { bold: true, size: 12 };
  const header = sheet.getRow(2);
  t.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = xmlText(c.title);
    cell.font = { bold: true };
    sheet.getColumn(i + 1).width = width(c, t);
  });
  return sheet;
}

/** One row of a table, its cells typed and formatted by their columns. */
export function putRow(sheet: ExcelJS.Worksheet, at: number, columns: Column[], row: Record<string, Cell>) {
  const line = sheet.getRow(at);
  const wrapped = columns.some((c) => (c.width ?? 0) >= WRAPPED_WIDTH);
  columns.forEach((c, i) => {
    const cell = line.getCell(i + 1);
    cell.value = value(row[c.key] ?? null, c.type);
    cell.numFmt = FORMATS[c.type];
    // A long message is read in its cell, not cut at the column's edge; its row's cells at the top.
    if (wrapped) cell.alignment = { wrapText: (c.width ?? 0) >= WRAPPED_WIDTH, vertical: 'top' };
  });
  return line;
}

/** The header's filter buttons, when there is something to filter. */
export function filterHeader(sheet: ExcelJS.Worksheet, columns: number, rows: number) {
  if (rows > 0) sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns } };
}

function addSheet(book: ExcelJS.Workbook, report: ReportFile, t: Table, taken: Set<string>) {
  const sheet = sheetHead(book, report.title, t, taken);
  t.rows.forEach((row, r) => {
    putRow(sheet, r + 3, t.columns, row);
  });
  filterHeader(sheet, t.columns.length, t.rows.length);
}

/**
 * A report as an XLSX workbook: one worksheet per table, real numbers, percentages and dates.
 * @example fs.writeFileSync('otklik-monthly-2026-10.xlsx', await toXlsx(monthlyTables(analysis)))
 */
export async function toXlsx(report: ReportFile): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Otklik';
  book.title = xmlText(report.title);
  const taken = new Set<string>();
  for (const t of report.tables) addSheet(book, report, t, taken);
  return Buffer.from(await book.xlsx.writeBuffer());
}
