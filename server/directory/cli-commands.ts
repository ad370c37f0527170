import path from 'node:path';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { decodeEmployeesFile, importEmployeesCsv, notText } from './csv-import.ts';
import { CONSOLE_FIELD_ERRORS } from '../../shared/console-errors.ts';
import { parseEmployee } from './employee-input.ts';
import { importReportText } from './import-report-text.ts';
import {
  addEmployee,
  DirectoryError,
  departmentIds,
  departmentsAddedSince,
  saveDepartment,
  saveSubject,
  setEmployeeActive,
} from './store.ts';
import { departmentCreate, subjectCreate } from '../../shared/directory-schema.ts';
import { type FieldErrors, validate } from '../../shared/rules.ts';

export class UsageError extends Error {}

/** A directory change made from the CLI, in the audit log as the console's same change is, `via: 'cli'`. */
const audit = (
  db: Db,
  clock: Clock,
  action: string,
  target: { type: string; id: string },
  details: Record<string, unknown>,
) => recordAudit(db, clock, { user: null, action, target, details: { ...details, via: 'cli' } });

const options = (args: string[], names: string[], flags: string[] = []) =>
  parseArgs({
    args,
    options: {
      ...Object.fromEntries(names.map((n) => [n, { type: 'string' as const }])),
      ...Object.fromEntries(flags.map((n) => [n, { type: 'boolean' as const }])),
    },
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
  const columns = ['id', 'name', 'responsible_name', 'responsible_email'] as const;
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('departments').select(columns).execute();
    const id = await saveDepartment(trx, clock, r.data);
    const was = before.find((d) => d.id === id);
    const now = await trx.selectFrom('departments').select(columns).where('id', '=', id).executeTakeFirstOrThrow();
    if (!was) {
      await audit(trx, clock, 'directory.department.create', { type: 'department', id }, r.data);
      return `Department «${now.name}» added.`;
    }
    // A name matched in another case or spacing is that department: said, by its name as stored.
    const changes = Object.fromEntries(
      (['responsible_name', 'responsible_email'] as const)
        .filter((k) => was[k] !== now[k])
        .map((k) => [k, { from: was[k], to: now[k] }]),
    );
    if (Object.keys(changes).length === 0) return `Department «${now.name}» already existed: nothing changed.`;
    await audit(trx, clock, 'directory.department.update', { type: 'department', id }, { name: now.name, changes });
    return `Department «${now.name}» already existed: its responsible is replaced.`;
  });
}

/**
 * `employee add --slug … --name … --manager-email … [--email … --position … --department … --manager-name …]`:
 * a new employee only; a taken slug is refused (the console and `employee import` change known ones).
 */
export async function employeeAdd(db: Db, clock: Clock, args: string[]): Promise<string> {
  const o = options(args, ['slug', 'name', 'position', 'department', 'manager-email', 'manager-name', 'email']);
  const parsed = parseEmployee({
    slug: o.slug,
    name: o.name,
    position: o.position,
    department: o.department,
    managerEmail: o['manager-email'],
    managerName: o['manager-name'],
    email: o.email,
  });
  if (!parsed.ok) throw new UsageError(parsed.problems.join('\n'));
  try {
    const departments = await departmentIds(db);
    const { id } = await addEmployee(db, clock, parsed.employee);
    // A department named for the first time is made, as the CSV import makes it: audited, and
    // said, in case of a typo.
    const made = await departmentsAddedSince(db, departments);
    for (const d of made)
      await audit(db, clock, 'directory.department.create', { type: 'department', id: d.id }, { name: d.name });
    await audit(db, clock, 'directory.employee.create', { type: 'employee', id }, { ...parsed.employee });
    return `Сотрудник ${parsed.employee.slug} добавлен: подпись — /s/${parsed.employee.slug}${made.length > 0 ? `\nНовое подразделение: «${parsed.employee.department}»: если это опечатка, выберите сотруднику верное в консоли («Справочник»)` : ''}`;
  } catch (err) {
    if (err instanceof DirectoryError)
      throw new UsageError(`${err.message}; изменить сотрудника можно в консоли или через employee import`);
    throw err;
  }
}

/**
 * `employee import FILE.csv [--dry-run]`: adds and updates employees (UTF-8 or Windows-1251, as the
 * console takes them), reports each refused line
 * by number. Fails (exit 1) only when no line could be used: a file that mostly went in is a success.
 */
export async function employeeImport(db: Db, clock: Clock, args: string[]): Promise<{ text: string; failed: boolean }> {
  const o = parseArgs({ args, options: { 'dry-run': { type: 'boolean' } }, allowPositionals: true, strict: true });
  const file = o.positionals[0];
  if (!file || o.positionals.length > 1)
    throw new UsageError('укажите один файл CSV: employee import FILE.csv [--dry-run]');
  if (!fs.existsSync(file)) throw new UsageError(`нет такого файла: ${file}`);
  const dryRun = o.values['dry-run'] === true;
  const bytes = fs.readFileSync(file);
  if (notText(bytes)) throw new UsageError(`${file}: ${CONSOLE_FIELD_ERRORS.ru.notCsv}`);
  const departments = await departmentIds(db);
  const report = await importEmployeesCsv(db, clock, decodeEmployeesFile(bytes), { dryRun });
  if (!dryRun) {
    for (const d of await departmentsAddedSince(db, departments))
      await audit(db, clock, 'directory.department.create', { type: 'department', id: d.id }, { name: d.name });
    // The file's name, as the console's import names it: the operator's folders are his own.
    const name = path.basename(file);
    await audit(
      db,
      clock,
      'directory.employee.import',
      { type: 'employees', id: name.slice(0, 64) },
      { file: name, created: report.created, updated: report.updated, errors: report.errors.length },
    );
  }
  const used = report.created + report.updated + report.unchanged;
  return { text: importReportText(report, file), failed: report.errors.length > 0 && used === 0 };
}

/** `employee deactivate --slug …` and `employee activate --slug …` */
export async function employeeSetActive(db: Db, clock: Clock, args: string[], active: boolean): Promise<string> {
  const slug = need(options(args, ['slug']).slug, 'slug');
  const was = await db.selectFrom('employees').select(['id', 'active']).where('slug', '=', slug).executeTakeFirst();
  if (!was) throw new UsageError(`no employee with the slug "${slug}"`);
  if (was.active === Number(active))
    return `Employee ${slug} is ${active ? 'active' : 'deactivated'} already: nothing changed.`;
  await db.transaction().execute(async (trx) => {
    await setEmployeeActive(trx, clock, slug, active);
    await audit(
      trx,
      clock,
      'directory.employee.update',
      { type: 'employee', id: was.id },
      {
        slug,
        changes: { active: { from: was.active === 1, to: active } },
      },
    );
  });
  return active
    ? `Employee ${slug} is active again.`
    : `Employee ${slug} is marked as no longer with the company; his rating links accept nothing.`;
}

/** `subject add --slug … --title … [--title-en …] --recipients a@x.ru,b@x.ru` */
export async function subjectAdd(db: Db, clock: Clock, args: string[]): Promise<string> {
  const o = options(args, ['slug', 'title', 'title-en', 'recipients']);
  const r = validate(subjectCreate, {
    slug: o.slug,
    title: o.title,
    titleEn: o['title-en'],
    recipients: o.recipients ?? '',
  });
  if (!r.success) {
    if (r.errors.slug) throw new UsageError('--slug: lower-case Latin letters, digits and dashes, not "employee"');
    throw usage(r.errors, { titleEn: 'title-en' });
  }
  const slug = r.data.slug;
  let saved: 'added' | 'updated';
  try {
    saved = await saveSubject(db, clock, {
      slug,
      title: r.data.title,
      // Absent keeps a known subject's English title; the command only adds or renames.
      ...(r.data.titleEn !== undefined && { titleEn: r.data.titleEn }),
      recipients: r.data.recipients ?? [],
    });
  } catch (err) {
    if (err instanceof DirectoryError) throw new UsageError(err.message);
    throw err;
  }
  const { id } = await db.selectFrom('rating_subjects').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  await audit(
    db,
    clock,
    `directory.subject.${saved === 'added' ? 'create' : 'update'}`,
    { type: 'subject', id },
    r.data,
  );
  // A known slug is changed, not added: said, since its ratings' e-mails now go to the new recipients.
  return saved === 'added'
    ? `Rating subject ${slug} added: /r/${slug}`
    : `Rating subject ${slug} already existed: its title and recipients are replaced: /r/${slug}`;
}
