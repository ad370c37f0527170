import { parse } from 'csv-parse/sync';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { ImportReport } from '../../shared/directory.ts';
import { parseEmployee } from './employee-input.ts';
import { DirectoryError, saveEmployee } from './store.ts';

/** Column names an HR export may use, Russian or English, for each employee field. */
const COLUMNS: Record<string, string[]> = {
  slug: ['slug', 'логин', 'идентификатор'],
  name: ['name', 'full_name', 'фио', 'ф.и.о.', 'сотрудник'],
  position: ['position', 'должность'],
  department: ['department', 'подразделение', 'отдел'],
  managerEmail: ['manager_email', 'manager-email', 'manageremail', 'email руководителя', 'e-mail руководителя'],
  managerName: ['manager_name', 'manager-name', 'managername', 'руководитель'],
  active: ['active', 'активен', 'работает'],
};

/**
 * Imports employees from CSV text (UTF-8, a header row, `;` or `,` separated). Each bad line is
 * reported by its number (the header is line 1) and skipped; the rest are added, or updated by slug.
 */
export async function importEmployeesCsv(db: Db, clock: Clock, csv: string): Promise<ImportReport> {
  const text = csv.replace(/^\uFEFF/, '');
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  const report: ImportReport = { created: 0, updated: 0, errors: [] };
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
    const line = (err as { lines?: number }).lines ?? 0;
    report.errors.push({ line, problems: [`the file can't be read from here on: ${(err as Error).message}`] });
    return report;
  }
  const [head, ...rows] = records;
  if (!head) return report;
  const index = columnIndex(head.record);
  if (index.slug === undefined || index.name === undefined || index.managerEmail === undefined) {
    report.errors.push({ line: 1, problems: ['the header must name the columns slug, name and manager_email'] });
    return report;
  }
  for (const { record, info } of rows) {
    const raw = Object.fromEntries(Object.entries(index).map(([field, i]) => [field, record[i]]));
    const parsed = parseEmployee(raw);
    if (!parsed.ok) {
      report.errors.push({ line: info.lines, problems: parsed.problems });
      continue;
    }
    try {
      const { created } = await saveEmployee(db, clock, parsed.employee);
      if (created) report.created++;
      else report.updated++;
    } catch (err) {
      if (!(err instanceof DirectoryError)) throw err;
      report.errors.push({ line: info.lines, problems: [err.message] });
    }
  }
  return report;
}

function columnIndex(header: string[]): Record<string, number> {
  const names = header.map((h) => h.trim().toLowerCase());
  const index: Record<string, number> = {};
  for (const [field, aliases] of Object.entries(COLUMNS)) {
    const i = names.findIndex((n) => aliases.includes(n));
    if (i >= 0) index[field] = i;
  }
  return index;
}
