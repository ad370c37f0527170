import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { ImportChange, ImportField, ImportReport } from '../../shared/directory.ts';
import { FIELD_TITLES, parseImportRow, type RowValues } from './employee-input.ts';
import { addEmployee, DirectoryError, departmentsByKey, saveDepartment } from './store.ts';
import { departmentKey } from '../../shared/directory-schema.ts';

/** One CSV line: its number and the cells of the file's columns, by field. */
export interface ImportRow {
  line: number;
  cells: Partial<Record<ImportField | 'slug', string>>;
}

interface Add {
  line: number;
  slug: string;
  name: string;
  values: RowValues;
}
interface Change {
  line: number;
  slug: string;
  name: string;
  id: string;
  changes: ImportChange[];
}

/** What an import does: computed from the file and the directory, then applied (or only shown). */
export interface ImportPlan {
  adds: Add[];
  changes: Change[];
  unchanged: number;
  newDepartments: string[];
  errors: ImportReport['errors'];
}

/** The order a line's changes are listed in: the order of the console's form. */
const FIELDS: ImportField[] = ['name', 'position', 'department', 'email', 'managerName', 'managerEmail', 'active'];

type Known = { id: string; name: string; values: Record<ImportField, string | boolean | null> };

const CHUNK = 500;
const chunks = <T>(list: T[]) =>
  Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

/** The file's employees as the directory holds them, and the slugs rating subjects hold. */
async function lookUp(db: Db, slugs: string[]) {
  const known = new Map<string, Known>();
  const subjects = new Set<string>();
  for (const part of chunks(slugs)) {
    const rows = await db
      .selectFrom('employees')
      .leftJoin('departments', 'departments.id', 'employees.department_id')
      .select(['employees.id', 'employees.slug', 'employees.name', 'employees.position', 'employees.manager_email'])
      .select(['employees.manager_name', 'employees.email', 'employees.active', 'departments.name as department'])
      .where('employees.slug', 'in', part)
      .execute();
    for (const e of rows)
      known.set(e.slug, {
        id: e.id,
        name: e.name,
        values: {
          name: e.name,
          position: e.position,
          department: e.department,
          managerEmail: e.manager_email,
          managerName: e.manager_name,
          email: e.email,
          active: e.active === 1,
        },
      });
    const taken = await db
      .selectFrom('rating_slugs')
      .select('slug')
      .where('owner', '=', 'subject')
      .where('slug', 'in', part)
      .execute();
    for (const t of taken) subjects.add(t.slug);
  }
  const departments = await departmentsByKey(db);
  return { known, subjects, departments };
}

/**
 * Compares each line with the directory and decides, writing nothing: a new slug is added (it
 * needs a name and a manager's address), a known one gets the fields that differ, a line that
 * can't be used is refused with its reasons. A slug twice in a file is refused the second time.
 */
export async function planImport(db: Db, rows: ImportRow[]): Promise<ImportPlan> {
  const plan: ImportPlan = { adds: [], changes: [], unchanged: 0, newDepartments: [], errors: [] };
  const parsed = rows.map((row) => ({ row, r: parseImportRow(row.cells) }));
  const slugs = [...new Set(parsed.flatMap(({ r }) => (r.ok ? [r.slug] : [])))];
  const { known, subjects, departments } = await lookUp(db, slugs);
  const seen = new Map<string, number>();
  const refuse = (line: number, ...problems: string[]) => plan.errors.push({ line, problems });
  for (const { row, r } of parsed) {
    if (!r.ok) {
      refuse(row.line, ...r.problems);
      continue;
    }
    const earlier = seen.get(r.slug);
    if (earlier !== undefined) {
      refuse(row.line, `код «${r.slug}» уже был в строке ${earlier}: у сотрудника одна строка`);
      continue;
    }
    seen.set(r.slug, row.line);
    // A department known by another case («СКЛАД» for «Склад») is that one, by its stored name.
    if (r.values.department)
      r.values.department = departments.get(departmentKey(r.values.department))?.name ?? r.values.department;
    const department = r.values.department;
    const current = known.get(r.slug);
    if (!current) {
      if (subjects.has(r.slug)) {
        refuse(row.line, `код «${r.slug}» уже занят предметом оценки`);
        continue;
      }
      const missing = (['name', 'managerEmail'] as const).filter((f) => !r.values[f]);
      if (missing.length > 0) {
        const needed = missing.map((f) => FIELD_TITLES[f]).join(' и ');
        refuse(row.line, `«${r.slug}» — новый сотрудник, для него нужно заполнить: ${needed}`);
        continue;
      }
      plan.adds.push({ line: row.line, slug: r.slug, name: r.values.name as string, values: r.values });
    } else {
      const changes = FIELDS.filter((f) => r.values[f] !== undefined && current.values[f] !== r.values[f]).map(
        (field) => ({ field, from: current.values[field], to: r.values[field] as string | boolean | null }),
      );
      if (changes.length === 0) plan.unchanged++;
      else plan.changes.push({ line: row.line, slug: r.slug, name: current.name, id: current.id, changes });
    }
    if (
      department &&
      !departments.has(departmentKey(department)) &&
      !plan.newDepartments.some((d) => departmentKey(d) === departmentKey(department))
    )
      plan.newDepartments.push(department);
  }
  return plan;
}

const COLUMN: Record<Exclude<ImportField, 'department'>, string> = {
  name: 'name',
  position: 'position',
  managerEmail: 'manager_email',
  managerName: 'manager_name',
  email: 'email',
  active: 'active',
};

/**
 * Carries a plan out, one employee at a time: a line that fails now (a slug someone took since
 * the preview) joins the refused ones and the rest go on. Returns what was done.
 */
export async function applyImport(db: Db, clock: Clock, plan: ImportPlan): Promise<ImportPlan> {
  const done: ImportPlan = { ...plan, adds: [], changes: [], errors: [...plan.errors] };
  for (const add of plan.adds) {
    const v = add.values;
    try {
      await addEmployee(db, clock, {
        slug: add.slug,
        name: add.name,
        managerEmail: v.managerEmail as string,
        position: v.position ?? undefined,
        department: v.department ?? undefined,
        managerName: v.managerName ?? undefined,
        email: v.email ?? undefined,
        active: v.active ?? true,
      });
      done.adds.push(add);
    } catch (err) {
      if (!(err instanceof DirectoryError)) throw err;
      done.errors.push({ line: add.line, problems: [err.message] });
    }
  }
  for (const change of plan.changes) {
    await db.transaction().execute(async (trx) => {
      const set: Record<string, string | number | null> = { updated_at: clock.now().toISOString() };
      for (const { field, to } of change.changes) {
        if (field === 'department')
          set.department_id = to === null ? null : await saveDepartment(trx, clock, { name: to as string });
        else set[COLUMN[field]] = typeof to === 'boolean' ? (to ? 1 : 0) : to;
      }
      await trx.updateTable('employees').set(set).where('id', '=', change.id).execute();
    });
    done.changes.push(change);
  }
  return done;
}

/** The plan as the API and the CLI report it, refused lines in file order. */
export function reportOf(
  plan: ImportPlan,
  extra: { dryRun: boolean; unknownColumns: string[]; errors: ImportReport['errors'] },
): ImportReport {
  return {
    dryRun: extra.dryRun,
    created: plan.adds.length,
    updated: plan.changes.length,
    unchanged: plan.unchanged,
    added: plan.adds.map(({ line, slug, name }) => ({ line, slug, name })),
    changed: plan.changes.map(({ line, slug, name, changes }) => ({ line, slug, name, changes })),
    newDepartments: plan.newDepartments,
    unknownColumns: extra.unknownColumns,
    errors: [...extra.errors, ...plan.errors].sort((a, b) => a.line - b.line),
  };
}
