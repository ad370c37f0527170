import type { FieldErrorCode } from './i18n.ts';
import { hasControls } from './text-rules.ts';

/** One field's rule: the cleaned value (undefined when absent), or the code of what is wrong. */
export type Rule<T> = (value: unknown) => { value: T } | { error: FieldErrorCode };

export type Schema = Record<string, Rule<unknown>>;
export type Output<S extends Schema> = { [K in keyof S]: S[K] extends Rule<infer T> ? T : never };
export type FieldErrors = Partial<Record<string, FieldErrorCode>>;
export type Validation<T> = { success: true; data: T } | { success: false; errors: FieldErrors };

// A few lines of rules instead of a schema library: the widget carries them, and for the feedback
// schema zod/mini costs 9 KB brotli and valibot 2.4 KB of the form's 12 KB budget; these cost 0.5 KB.

/**
 * The control-character check (shared/text-rules.ts) while `validate` runs, so that every text
 * rule it reaches, however wrapped, applies it. Only `validate` sets it: the feedback widget checks
 * its draft with `validateAsTyped` and leaves this refusal to the server's 422 `control`, which it
 * shows under the field, and so carries neither the check nor its texts (116 B brotli).
 */
let controls: typeof hasControls | undefined;

// Invisible format characters (zero-width spaces, direction marks, the soft hyphen: `\p{Cf}`) fill no
// field: a message of them alone reached the QMS looking empty.
const blank = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.replace(/\p{Cf}/gu, '').trim() === '');

/**
 * A text field: trimmed, blank means absent. `clean` may normalise it, or return null to refuse it.
 * Under `validate`, control characters are refused as `control` (shared/text-rules.ts); `lines`
 * lets a multi-line field keep its tabs and line breaks.
 * @example text({ max: 10, required: true })('  hi ') // { value: 'hi' }
 * @example validate({ name: text({ max: 10 }) }, { name: 'a\u0000b' }) // { success: false, errors: { name: 'control' } }
 */
export function text<Req extends boolean = false>(opts: {
  max: number;
  required?: Req;
  /** A multi-line field (a message, a comment): tabs and line breaks are its text. */
  lines?: boolean;
  /** The code for a value `clean` refuses or a required value that is missing. */
  code?: FieldErrorCode;
  /** The code for a value over `max`, when it should say more than `tooLong` (the limit). */
  tooLong?: FieldErrorCode;
  clean?: (s: string) => string | null;
}): Rule<Req extends true ? string : string | undefined> {
  return (v) => {
    if (blank(v)) return opts.required ? { error: opts.code ?? 'required' } : { value: undefined as never };
    if (typeof v !== 'string') return { error: opts.code ?? 'invalid' };
    const s = v.trim();
    if (controls?.(s, opts.lines)) return { error: 'control' };
    if (s.length > opts.max)
      return { error: opts.tooLong ?? (opts.code === 'required' || !opts.code ? 'tooLong' : opts.code) };
    const cleaned = opts.clean ? opts.clean(s) : s;
    return cleaned === null ? { error: opts.code ?? 'invalid' } : { value: cleaned };
  };
}

/**
 * One of a fixed list of values; missing counts as wrong.
 * @example oneOf(['a', 'b'], 'kind')('c') // { error: 'kind' }
 */
export function oneOf<T extends string>(values: readonly T[], code: FieldErrorCode): Rule<T> {
  return (v) => (values.includes(v as T) ? { value: v as T } : { error: code });
}

/**
 * A checkbox that must be ticked: `true` from JSON, `on` or `true` from a form post.
 * @example accepted('consent')('on') // { value: true }
 */
export function accepted(code: FieldErrorCode): Rule<true> {
  return (v) => (v === true || v === 'on' || v === 'true' ? { value: true } : { error: code });
}

/**
 * Checks input against a schema: every field's cleaned value, or each wrong field's code.
 * Fields the schema doesn't name are dropped.
 * @example validate({ kind: oneOf(['thanks'], 'kind') }, { kind: 'x' }) // { success: false, errors: { kind: 'kind' } }
 */
export function validate<S extends Schema>(schema: S, input: Record<string, unknown>): Validation<Output<S>> {
  const outer = controls;
  controls = hasControls;
  try {
    return validateAsTyped(schema, input);
  } finally {
    controls = outer;
  }
}

/**
 * `validate` but for control characters, which a person doesn't type: what the feedback widget
 * checks before sending; the server's `validate` refuses them.
 * @example validateAsTyped({ name: text({ max: 10 }) }, { name: 'a\u0000b' }) // { success: true, data: { name: 'a\u0000b' } }
 */
export function validateAsTyped<S extends Schema>(schema: S, input: Record<string, unknown>): Validation<Output<S>> {
  const data: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const key of Object.keys(schema)) {
    const r = schema[key]!(input[key]);
    if ('error' in r) errors[key] = r.error;
    else if (r.value !== undefined) data[key] = r.value;
  }
  return Object.keys(errors).length > 0 ? { success: false, errors } : { success: true, data: data as Output<S> };
}

/**
 * A schema with more fields, as a call a bundler can drop when the schema goes unused.
 * @example const post = withFields(fields, { page: text({ max: 2000 }) })
 */
export const withFields = <A extends Schema, B extends Schema>(a: A, b: B): A & B => ({ ...a, ...b });

/**
 * Form posts send every field, filled or not: a blank string means «not given».
 * @example blankToUndefined({ name: ' ', kind: 'thanks' }) // { kind: 'thanks' }
 */
export function blankToUndefined(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => !blank(v)));
}

/**
 * A whole number in a range, from JSON or a form post; missing counts as wrong.
 * @example integer(1, 5, 'score')('4') // { value: 4 }
 */
export function integer(min: number, max: number, code: FieldErrorCode): Rule<number> {
  return (v) => {
    const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
    return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max ? { value: n } : { error: code };
  };
}

const YES = [true, 'on', 'true', 1, '1'];
const NO = [false, 'false', 0, '0'];

/**
 * An optional checkbox: ticked is `true` (a form's `on`/`true`, or 1), unticked `false` (0) or
 * absent; anything else is `invalid`, not a quiet «no» (`publish: "yes"` read as refusal).
 * @example flag()(undefined) // { value: false }
 * @example flag()('yes') // { error: 'invalid' }
 */
export function flag(): Rule<boolean> {
  return (v) =>
    YES.includes(v as never)
      ? { value: true }
      : blank(v) || NO.includes(v as never)
        ? { value: false }
        : { error: 'invalid' };
}

/**
 * Plain e-mail addresses, Cyrillic domains included (клиент@пример.рф, and ivan@xn--e1afmkfd.xn--p1ai
 * as a browser's type=email field sends ivan@пример.рф: the last label may hold digits, but begins
 * with neither a digit nor a dash); no invisible characters, which a copied address can carry and
 * which reached the mail headers raw (`a\u200b@b.ru`).
 */
const EMAIL =
  /^[^\s\p{Cf}@"<>()[\]\\,;:]+@[^\s\p{Cf}@"<>()[\]\\,;:_.]+(\.[^\s\p{Cf}@"<>()[\]\\,;:_.]+)*\.(?!\d|-)[^\s\p{Cf}@"<>()[\]\\,;:_.]{2,}$/u;

/**
 * An optional e-mail address.
 * @example email(254)('клиент@пример.рф') // { value: 'клиент@пример.рф' }
 */
export const email = (max: number) => text({ max, code: 'email', clean: (s) => (EMAIL.test(s) ? s : null) });

/**
 * Whether a text is a plain e-mail address, by the same pattern as `email`.
 * @example isEmail('boss@example.ru') // true
 */
export const isEmail = (s: string): boolean => EMAIL.test(s);
