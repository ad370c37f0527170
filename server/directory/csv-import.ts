import { parse } from 'csv-parse/sync';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { ImportField, ImportReport } from '../../shared/directory.ts';
import { applyImport, type ImportRow, planImport, reportOf } from './import-plan.ts';

/** Column names an HR export may use, Russian or English, for each employee field. */
const COLUMNS: Record<ImportField | 'slug', string[]> = {
  slug: ['slug', 'логин', 'идентификатор', 'код (slug)'],
  name: ['name', 'full_name', 'фио', 'ф.и.о.', 'сотрудник'],
  position: ['position', 'должность'],
  department: ['department', 'подразделение', 'отдел'],
  managerEmail: ['manager_email', 'manager-email', 'manageremail', 'email руководителя', 'e-mail руководителя'],
  managerName: ['manager_name', 'manager-name', 'managername', 'руководитель'],
  email: ['email', 'e-mail', 'почта', 'email сотрудника', 'e-mail сотрудника'],
  active: ['active', 'активен', 'работает'],
};

/** The lines of an HR file, by number (the header is line 1), each with the cells of the columns it has. */
export interface EmployeesCsv {
  rows: ImportRow[];
  /** Header cells that name no field: a misspelt column changes nothing, and the preview says so. */
  unknownColumns: string[];
  errors: ImportReport['errors'];
}

/**
 * HR's file as text: UTF-8, or Windows-1251 as Excel saves «CSV» on a Russian Windows (bytes
 * that are not UTF-8 are read as 1251). Both the console's upload and `employee import` read it so.
 * @example decodeEmployeesFile(fs.readFileSync('staff.csv'))
 */
export function decodeEmployeesFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

/**
 * Whether HR's file is no text at all: a workbook (XLSX and ODS are ZIP files, XLS an OLE2 one)
 * or another binary file (a NUL byte early on). Read as CSV it fails on a line of noise.
 * @example notText(fs.readFileSync('staff.xlsx')) // true
 */
export function notText(bytes: Uint8Array): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0)) return true;
  return bytes.subarray(0, 8192).includes(0);
}

/** Reads HR's CSV text (UTF-8, a header row, `;` or `,` separated) without touching the database. */
export function readEmployeesCsv(csv: string): EmployeesCsv {
  const text = csv.replace(/^\uFEFF/, '');
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  const out: EmployeesCsv = { rows: [], unknownColumns: [], errors: [] };
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof records;
  } catch (err) {
    // A broken quote leaves the rest of the file unreadable: nothing is imported.
    const { lines = 0, code = '' } = err as { lines?: number; code?: string };
    const quote = code.includes('QUOTE');
    const why = quote ? 'кавычки не закрыты или стоят посреди поля' : 'строка не разбирается как CSV';
    // A quote never closed is found at the file's end: the line to mend is the one that opened it.
    const opened = text.split(/\r?\n/).findIndex((l) => (l.match(/"/g)?.length ?? 0) % 2 === 1);
    const line = code === 'CSV_QUOTE_NOT_CLOSED' && opened >= 0 ? opened + 1 : lines;
    out.errors.push({ line, problems: [`файл не читается начиная с этой строки: ${why}; ничего не загружено`] });
    return out;
  }
  const [head, ...rows] = records;
  if (!head) return out;
  const names = head.record.map((h) => h.trim().toLowerCase());
  const index: Partial<Record<ImportField | 'slug', number>> = {};
  for (const [field, aliases] of Object.entries(COLUMNS)) {
    const i = names.findIndex((n) => aliases.includes(n));
    if (i >= 0) index[field as ImportField | 'slug'] = i;
  }
  if (index.slug === undefined) {
    out.errors.push({
      line: 1,
      problems: ['в первой строке нет столбца slug (код сотрудника): например, slug;name;manager_email'],
    });
    return out;
  }
  const known = new Set(Object.values(index));
  out.unknownColumns = head.record.filter((h, i) => h.trim() !== '' && !known.has(i));
  for (const { record, info } of rows) {
    if (record.every((cell) => cell === '')) continue;
    const cells = Object.fromEntries(Object.entries(index).map(([field, i]) => [field, record[i] ?? '']));
    out.rows.push({ line: info.lines, cells });
  }
  return out;
}

/**
 * Imports employees from HR's CSV text: new slugs are added, known ones get the fields their
 * cells give (an empty cell or a missing column leaves a field as it is, `-` clears it; only an
 * `active` column changes whether someone works here). Each bad line is reported by its number
 * and skipped. With `dryRun` nothing is written: the report says what the import would do.
 */
export async function importEmployeesCsv(
  db: Db,
  clock: Clock,
  csv: string,
  options: { dryRun?: boolean } = {},
): Promise<ImportReport> {
  const file = readEmployeesCsv(csv);
  const plan = await planImport(db, file.rows);
  const done = options.dryRun ? plan : await applyImport(db, clock, plan);
  return reportOf(done, { dryRun: options.dryRun === true, unknownColumns: file.unknownColumns, errors: file.errors });
}
