import { employeeRecord } from '../../shared/directory-schema.ts';
import { type FieldErrors, validate } from '../../shared/rules.ts';
import type { EmployeeInput } from './store.ts';

const FIELD_HELP: Record<string, string> = {
  slug: 'slug: lower-case Latin letters, digits and dashes (ivanov, anna-petrova)',
  name: 'name: required',
  managerEmail: 'manager e-mail: a valid address is required',
  active: 'active: 1/0, да/нет, yes/no',
};

/**
 * Checks one employee's fields; returns the input or a readable list of what is wrong.
 * @example parseEmployee({ slug: 'ivanov', name: 'Иванов Иван', managerEmail: 'boss@example.ru' })
 */
export function parseEmployee(
  raw: Record<string, unknown>,
): { ok: true; employee: EmployeeInput } | { ok: false; problems: string[] } {
  const r = validate(employeeRecord, raw);
  if (!r.success) return { ok: false, problems: describe(r.errors) };
  const { active, ...rest } = r.data;
  return { ok: true, employee: { ...rest, active: active ?? true } };
}

const describe = (errors: FieldErrors) =>
  Object.entries(errors).map(
    ([field, code]) => FIELD_HELP[field] ?? `${field}: ${code === 'tooLong' ? 'too long' : 'invalid'}`,
  );
