import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { importEmployeesCsv } from './csv-import.ts';
import { parseEmployee } from './employee-input.ts';
import { DirectoryError, saveDepartment, saveEmployee, saveSubject, setEmployeeActive } from './store.ts';
import { departmentCreate, subjectCreate } from '../../shared/directory-schema.ts';
import { type FieldErrors, validate } from '../../shared/rules.ts';

export class UsageError extends Error {}

const options = (args: string[], names: string[]) =>
  parseArgs({
    args,
    options: Object.fromEntries(names.map((n) => [n, { type: 'string' as const }])),
    allowPositionals: true,
    strict: true,
  }).values as Record<string, string | undefined>;

const need = (value: string | undefined, flag: string) => {
  if (!value?.trim()) throw new UsageError(`--${flag} is required`);
  return value.trim();
};

/** Each wrong field as `--flag: what is wrong`, the flags the command was given. */
function usage(errors: FieldErrors, flags: Record<string, string>): UsageError {
  const say = (code: string | undefined) =>
    code === 'required'
      ? 'is required'
      : code === 'email'
        ? 'must be e-mail address(es)'
        : code === 'tooLong'
          ? 'is too long'
          : 'is not valid';
  return new UsageError(
    Object.entries(errors)
      .map(([field, code]) => `--${flags[field] ?? field} ${say(code)}`)
      .join('\n'),
  );
}

/** `department add --name … [--responsible-name … --responsible-email …]` */
export async function departmentAdd(db: Db, clock: Clock, args: string[]): Promise<string> {
  const o = options(args, ['name', 'responsible-name', 'responsible-email']);
  const r = validate(departmentCreate, {
    name: o.name,
    responsibleName: o['responsible-name'],
    responsibleEmail: o['responsible-email'],
  });
  if (!r.success)
    throw usage(r.errors, { name: 'name', responsibleName: 'responsible-name', responsibleEmail: 'responsible-email' });
  await saveDepartment(db, clock, r.data);
  return `Department «${r.data.name}» saved.`;
}

/** `employee add --slug … --name … --manager-email … [--position … --department … --manager-name …]` */
export async function employeeAdd(db: Db, clock: Clock, args: string[]): Promise<string> {
  const o = options(args, ['slug', 'name', 'position', 'department', 'manager-email', 'manager-name']);
  const parsed = parseEmployee({
    slug: o.slug,
    name: o.name,
    position: o.position,
    department: o.department,
    managerEmail: o['manager-email'],
    managerName: o['manager-name'],
  });
  if (!parsed.ok) throw new UsageError(parsed.problems.join('\n'));
  try {
    const { created } = await saveEmployee(db, clock, parsed.employee);
    return `Employee ${parsed.employee.slug} ${created ? 'added' : 'updated'}.`;
  } catch (err) {
    if (err instanceof DirectoryError) throw new UsageError(err.message);
    throw err;
  }
}

/** `employee import FILE.csv`: reports each bad line by number and imports the rest. */
export async function employeeImport(db: Db, clock: Clock, args: string[]): Promise<{ text: string; failed: boolean }> {
  const file = args[0];
  if (!file) throw new UsageError('name the CSV file: employee import FILE.csv');
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const report = await importEmployeesCsv(db, clock, fs.readFileSync(file, 'utf8'));
  const lines = report.errors.map((e) => `  line ${e.line}: ${e.problems.join('; ')}`);
  const summary = `Imported: ${report.created} added, ${report.updated} updated, ${report.errors.length} line(s) skipped.`;
  return { text: [summary, ...lines].join('\n'), failed: report.errors.length > 0 };
}

/** `employee deactivate --slug …` and `employee activate --slug …` */
export async function employeeSetActive(db: Db, clock: Clock, args: string[], active: boolean): Promise<string> {
  const slug = need(options(args, ['slug']).slug, 'slug');
  if (!(await setEmployeeActive(db, clock, slug, active))) throw new UsageError(`no employee with the slug "${slug}"`);
  return active
    ? `Employee ${slug} is active again.`
    : `Employee ${slug} is marked as no longer with the company; his rating links accept nothing.`;
}

/** `subject add --slug … --title … --recipients a@x.ru,b@x.ru` */
export async function subjectAdd(db: Db, clock: Clock, args: string[]): Promise<string> {
  const o = options(args, ['slug', 'title', 'recipients']);
  const r = validate(subjectCreate, { slug: o.slug, title: o.title, recipients: o.recipients ?? '' });
  if (!r.success) {
    if (r.errors.slug) throw new UsageError('--slug: lower-case Latin letters, digits and dashes, not "employee"');
    throw usage(r.errors, {});
  }
  const slug = r.data.slug;
  try {
    await saveSubject(db, clock, { slug, title: r.data.title, recipients: r.data.recipients ?? [] });
  } catch (err) {
    if (err instanceof DirectoryError) throw new UsageError(err.message);
    throw err;
  }
  return `Rating subject ${slug} saved: /r/${slug}`;
}
