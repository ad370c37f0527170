import { dayDate, russianDate, wallClock } from './company-clock.ts';
import {
  type Cell,
  type Column,
  isPlainCode,
  looksLikeFormula,
  type ReportFile,
  type StreamedReport,
  type Table,
} from './table.ts';

// Russian Excel opens a CSV by double click with the system's list separator `;` and decimal
// comma, and takes it for UTF-8 only after a byte order mark; lines end in CRLF (RFC 4180).
const BOM = '\uFEFF';
const SEP = ';';
const EOL = '\r\n';

/** Text quoted as RFC 4180 asks when it holds the separator, a quote or a line break. */
const quoted = (s: string) => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** A decimal as Russian Excel reads it: «4,5». */
const decimal = (n: number) => String(n).replace('.', ',');

/** One cell as text: numbers as numbers, dates in the company's time, text never a formula. */
export function csvCell(value: Cell, type: Column['type']): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (type === 'percent') return `${decimal(Math.round(value * 1000) / 10)}%`;
    return decimal(value);
  }
  if (type === 'date') return russianDate(dayDate(value));
  if (type === 'datetime') return russianDate(wallClock(value), true);
  // Excel shows a text constant `="1.1"` as 1.1: without it «1.1» opens as the 1st of January, an
  // ИНН loses its leading zero, and a phone shows the apostrophe that guards text.
  if (type === 'code' && isPlainCode(value)) return quoted(`="${value}"`);
  // OWASP's advice: a leading apostrophe makes a spreadsheet show the rest as text.
  return quoted(looksLikeFormula(value) ? `'${value}` : value);
}

/** A table's title line and header, after the blank line that separates it from what is above. */
const tableHead = (t: Omit<Table, 'rows'>) => [
  '',
  csvCell(t.title, 'text'),
  t.columns.map((c) => csvCell(c.title, 'text')).join(SEP),
];

const csvRow = (columns: Column[], row: Record<string, Cell>) =>
  columns.map((c) => csvCell(row[c.key] ?? null, c.type)).join(SEP);

/**
 * A report as CSV: its title, then each table with its title line, its header and its rows,
 * a blank line between tables.
 * @example fs.writeFileSync('otklik-weekly-2026-W44.csv', toCsv(weeklyTables(control, base)))
 */
export function toCsv(report: ReportFile): Buffer {
  const lines: string[] = [csvCell(report.title, 'text')];
  for (const t of report.tables) {
    lines.push(...tableHead(t));
    for (const row of t.rows) lines.push(csvRow(t.columns, row));
  }
  return Buffer.from(BOM + lines.join(EOL) + EOL, 'utf8');
}

/**
 * A streamed report as CSV, the same bytes toCsv makes of it as one table: the head first, then
 * each page's lines as the page comes.
 * @example Readable.from(csvChunks(inboxReport(db, scope, filter, now)))
 */
export async function* csvChunks(report: StreamedReport): AsyncGenerator<Buffer> {
  const head = [csvCell(report.title, 'text'), ...tableHead(report.table)];
  yield Buffer.from(BOM + head.join(EOL) + EOL, 'utf8');
  for await (const rows of report.pages) {
    if (rows.length > 0) yield Buffer.from(rows.map((r) => csvRow(report.table.columns, r) + EOL).join(''), 'utf8');
  }
}
