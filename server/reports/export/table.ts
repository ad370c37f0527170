// A report as the files carry it (issue 11): a list of plain tables, each with typed columns, so
// the CSV and the XLSX writers make the same figures out of it and neither knows what a report
// is. The weekly control, the monthly analysis and the inbox turn into these (weekly-tables.ts,
// monthly-tables.ts, inbox-table.ts).

/**
 * How a column's values are written: `integer` and `number` as numbers, `percent` a share 0…1
 * shown as a percentage, `date` a company day `YYYY-MM-DD`, `datetime` an ISO instant shown in
 * the company's time zone; `text` as text, never as a formula; `code` a checked value of digits
 * and marks that a spreadsheet opening a CSV would turn into a number or a date (a step «1.1», an
 * ИНН «0105012349», a phone «+7 951 511-35-29»), kept as it is written; `link` an address of the
 * console the server made (a card's), which the XLSX opens with a click.
 */
export type ColumnType = 'text' | 'code' | 'link' | 'integer' | 'number' | 'percent' | 'date' | 'datetime';

export interface Column {
  key: string;
  /** The column's heading, in Russian. */
  title: string;
  type: ColumnType;
  /** Width in characters in the XLSX; a guess from the heading and values when absent. */
  width?: number;
}

/** A cell: a number for numeric columns, text for the others; null when empty. */
export type Cell = string | number | null;

export interface Table {
  /** The table's heading, e.g. «Жалобы по подразделениям». */
  title: string;
  /** A short name for its XLSX worksheet (Excel allows 31 characters). */
  sheet: string;
  columns: Column[];
  rows: Array<Record<string, Cell>>;
}

export interface ReportFile {
  /** The file's name without extension: `otklik-weekly-2026-W44`. */
  name: string;
  /** The report's heading with its period and scope. */
  title: string;
  tables: Table[];
}

/**
 * A report of one table too long to hold in memory (the inbox, issue 12): its rows come page by
 * page, read only as the file is written, so a million of them never sit in memory together.
 */
export interface StreamedReport {
  name: string;
  title: string;
  table: Omit<Table, 'rows'>;
  pages: AsyncIterable<Array<Record<string, Cell>>>;
}

/** The department a report covers, for its heading. */
export const scopeName = (department: { name: string } | null) => department?.name ?? 'Вся компания';

/**
 * A report file's name: `otklik-monthly-2026-10`, and the department it is narrowed to after it
 * (`…-2026-10-ДКС`), so that one file per department doesn't overwrite another; characters a file
 * system refuses and spaces become dashes.
 */
export const reportFileName = (report: string, period: string, department: { name: string } | null) =>
  [`otklik-${report}-${period}`, department?.name.replace(/[\\/:*?"<>|\s\p{Cc}]+/gu, '-').replace(/^-+|-+$/g, '')]
    .filter(Boolean)
    .join('-');

/**
 * Whether a spreadsheet would read this text as a formula (OWASP «CSV injection»): it begins with
 * `=`, `+`, `-` or `@`, or with a tab or carriage return that some programs skip before one.
 */
export const looksLikeFormula = (text: string) => /^[=+\-@\t\r]/.test(text);

/**
 * Whether a `code` value may be written as a spreadsheet's text constant: letters, digits, spaces
 * and the marks of numbers, phones and steps, nothing that could end the constant or make more of
 * it. Anything else is written as text.
 */
export const isPlainCode = (text: string) => /^[\p{L}\p{N} +()./№-]{1,64}$/u.test(text);

/** A column's values in the XLSX wrap within its width (a message), its row's cells at the top. */
export const WRAPPED_WIDTH = 50;
