import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { importEmployeesCsv } from './csv-import.ts';
import { parseEmployee } from './employee-input.ts';
import { DirectoryError, saveDepartment, saveEmployee, saveSubject, setEmployeeActive } from './store.ts';
import { SLUG } from '../../shared/rating-schema.ts';

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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@\d]{2,}$/u;

/** `department add --name … [--responsible-name … --responsible-email …]` */
export async function departmentAdd(db: Db, clock: Clock, args: string[]): Promise<string> {
  const o = options(args, ['name', 'responsible-name', 'responsible-email']);
  const email = o['responsible-email']?.trim();
  if (email && !EMAIL.test(email)) throw new UsageError(`--responsible-email: "${email}" is not an e-mail address`);
  const name = need(o.name, 'name');
  await saveDepartment(db, clock, { name, responsibleName: o['responsible-name']?.trim(), responsibleEmail: email });
  return `Department «${name}» saved.`;
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
  const slug = need(o.slug, 'slug');
  if (!SLUG.test(slug) || slug === 'employee')
    throw new UsageError('--slug: lower-case Latin letters, digits and dashes, not "employee"');
  const recipients = (o.recipients ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = recipients.filter((r) => !EMAIL.test(r));
  if (bad.length > 0) throw new UsageError(`--recipients: not e-mail addresses: ${bad.join(', ')}`);
  try {
    await saveSubject(db, clock, { slug, title: need(o.title, 'title'), recipients });
  } catch (err) {
    if (err instanceof DirectoryError) throw new UsageError(err.message);
    throw err;
  }
  return `Rating subject ${slug} saved: /r/${slug}`;
}
