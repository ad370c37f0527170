import type { FieldErrorCode } from '../../../../shared/i18n.ts';
import { type Output, type Schema, validate } from '../../../../shared/rules.ts';

/** What each code means in a directory form when a field has no words of its own. */
const GENERIC: Partial<Record<FieldErrorCode, string>> = {
  required: 'Заполните поле',
  email: 'Проверьте адрес e-mail',
  tooLong: 'Слишком длинный текст',
  invalid: 'Проверьте значение',
};

/**
 * Checks a directory form with the same schema the server uses (shared/directory-schema.ts):
 * the cleaned data, or each wrong field's message in Russian (`words` per field and code first).
 * @example check(departmentCreate, { name: '' }, { name: { required: 'Введите название' } })
 */
export function check<S extends Schema>(
  schema: S,
  draft: object,
  words: Record<string, Partial<Record<FieldErrorCode, string>>> = {},
): { ok: true; data: Output<S> } | { ok: false; problems: Record<string, string> } {
  const r = validate(schema, draft as Record<string, unknown>);
  if (r.success) return { ok: true, data: r.data };
  const problems: Record<string, string> = {};
  for (const [field, code] of Object.entries(r.errors)) {
    if (code) problems[field] = words[field]?.[code] ?? GENERIC[code] ?? GENERIC.invalid!;
  }
  return { ok: false, problems };
}
