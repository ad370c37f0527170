import { SLUG } from '../../shared/rating-schema.ts';
import { type FieldErrors, text, validate } from '../../shared/rules.ts';
import type { EmployeeInput } from './store.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@\d]{2,}$/u;

/** An employee as the CLI and the CSV import take him. */
const employeeSchema = {
  slug: text({ max: 64, required: true, code: 'invalid', clean: (s) => (SLUG.test(s) ? s : null) }),
  name: text({ max: 200, required: true }),
  position: text({ max: 200 }),
  department: text({ max: 200 }),
  managerEmail: text({
    max: 254,
    required: true,
    code: 'email',
    clean: (s) => (EMAIL.test(s) ? s.toLowerCase() : null),
  }),
  managerName: text({ max: 200 }),
  active: text({
    max: 5,
    code: 'invalid',
    clean: (s) => (/^(1|0|да|нет|yes|no|true|false)$/i.test(s) ? s.toLowerCase() : null),
  }),
};

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
  const r = validate(employeeSchema, raw);
  if (!r.success) return { ok: false, problems: describe(r.errors) };
  const { active, ...rest } = r.data;
  return { ok: true, employee: { ...rest, active: active === undefined ? true : /^(1|да|yes|true)$/.test(active) } };
}

const describe = (errors: FieldErrors) =>
  Object.entries(errors).map(
    ([field, code]) => FIELD_HELP[field] ?? `${field}: ${code === 'tooLong' ? 'too long' : 'invalid'}`,
  );
