import { employeeRecord } from '../../shared/directory-schema.ts';
import type { ImportField } from '../../shared/directory.ts';
import { type FieldErrors, validate } from '../../shared/rules.ts';
import type { EmployeeInput } from './store.ts';

/**
 * A CSV cell that clears an optional field. An empty cell leaves the field as it is: HR's
 * exports leave cells empty for «unknown», and that must never erase what the directory holds.
 */
export const CLEAR_CELL = '-';

/** Each field's name in the import's and the CLI's Russian messages. */
export const FIELD_TITLES: Record<ImportField | 'slug', string> = {
  slug: 'код (slug)',
  name: 'Ф.И.О.',
  position: 'должность',
  department: 'подразделение',
  managerEmail: 'e-mail руководителя',
  managerName: 'руководитель',
  email: 'e-mail сотрудника',
  active: 'активен',
};

/** What is wrong with a field, when its code alone would say too little. */
const FIELD_HELP: Partial<Record<ImportField | 'slug', string>> = {
  slug: 'латинские строчные буквы, цифры и дефис (ivanov, anna-petrova)',
  managerEmail: 'нужен правильный адрес (boss@example.ru)',
  email: 'нужен правильный адрес (ivanov@example.ru)',
  active: '1 или 0, да или нет, yes или no',
};

const CODE_HELP: Record<string, string> = {
  required: 'не заполнено',
  tooLong: 'слишком длинный текст',
  email: 'нужен правильный адрес',
};

/** One Russian line per wrong field: «e-mail руководителя: нужен правильный адрес (boss@example.ru)». */
export const describeProblems = (errors: FieldErrors): string[] =>
  Object.entries(errors).map(([field, code]) => {
    const f = field as ImportField | 'slug';
    const help = code === 'tooLong' || code === 'required' ? CODE_HELP[code] : (FIELD_HELP[f] ?? CODE_HELP[code ?? '']);
    return `${FIELD_TITLES[f] ?? field}: ${help ?? 'неверное значение'}`;
  });

/**
 * Checks one employee's fields, all of them given (the CLI's `employee add`); returns the input
 * or a readable Russian list of what is wrong.
 * @example parseEmployee({ slug: 'ivanov', name: 'Иванов Иван', managerEmail: 'boss@example.ru' })
 */
export function parseEmployee(
  raw: Record<string, unknown>,
): { ok: true; employee: EmployeeInput } | { ok: false; problems: string[] } {
  const r = validate(employeeRecord, raw);
  if (!r.success) return { ok: false, problems: describeProblems(r.errors) };
  const { active, ...rest } = r.data;
  return { ok: true, employee: { ...rest, active: active ?? true } };
}

/** A CSV line's values: absent leaves a field as it is, `null` clears it. */
export type RowValues = { [F in ImportField]?: (F extends 'active' ? boolean : string) | null };

const REQUIRED: ReadonlySet<string> = new Set(['name', 'managerEmail', 'active']);

/**
 * Reads one CSV line's cells (only the file's columns, by field): an empty cell leaves its field
 * alone, `-` clears an optional one, anything else is checked by the directory's schema.
 * @example parseImportRow({ slug: 'ivanov', position: '-', managerName: '' }) // { ok: true, slug: 'ivanov', values: { position: null } }
 */
export function parseImportRow(
  cells: Partial<Record<ImportField | 'slug', string>>,
): { ok: true; slug: string; values: RowValues } | { ok: false; problems: string[] } {
  const given: Record<string, string> = {};
  const values: Record<string, string | boolean | null> = {};
  const problems: string[] = [];
  for (const [field, cell] of Object.entries(cells)) {
    const v = (cell ?? '').trim();
    if (v === '' && field !== 'slug') continue;
    if (v === CLEAR_CELL && field !== 'slug') {
      if (REQUIRED.has(field))
        problems.push(
          `${FIELD_TITLES[field as ImportField]}: «${CLEAR_CELL}» очищает поле, а это поле очистить нельзя`,
        );
      else values[field] = null;
      continue;
    }
    given[field] = v;
  }
  // Each given cell by its own rule; required fields are checked by the caller, for new employees only.
  const errors: FieldErrors = {};
  for (const [field, v] of Object.entries(given)) {
    const rule = employeeRecord[field as keyof typeof employeeRecord];
    const r = rule(v);
    if ('error' in r) errors[field] = r.error;
    else if (r.value !== undefined) values[field] = r.value as string | boolean;
  }
  problems.unshift(...describeProblems(errors));
  if (problems.length > 0) return { ok: false, problems };
  const { slug, ...rest } = values;
  return { ok: true, slug: slug as string, values: rest as RowValues };
}
