import { z } from 'zod';
import type { ConsoleFieldErrorCode } from './console-errors.ts';
import type { FieldErrorCode } from './i18n.ts';
import { isEmail } from './rules.ts';
import { hasControls, showsNothing } from './text-rules.ts';

// The console's fields as zod schemas, read the way shared/rules.ts reads the widgets' (blank is
// absent, text trimmed, control characters refused), so a console form and the intake agree.
// Each check's message is the field error code the API answers (server/http/validate.ts); the
// console's own bundle doesn't carry these, only the server does: the widgets stay zod-free.

type Code = FieldErrorCode | ConsoleFieldErrorCode;

/** Blank: nothing, or a text that shows nothing (zero-width characters, fillers: showsNothing). */
const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && showsNothing(v));

/**
 * A text field: trimmed, blank means absent (or `required`); not a string is `code` or
 * `invalid`; a control character `control` (`lines` lets tabs and line breaks through); over
 * `max` characters `tooLong`.
 * @example textField({ max: 200, required: true }).parse('  Галина ') // 'Галина'
 */
export function textField<Req extends boolean = false>(opts: {
  max: number;
  required?: Req;
  lines?: boolean;
  /** The code for a wrong value (and a missing one, unless `missing` names another). */
  code?: Code;
  missing?: Code;
}) {
  const wrong = opts.code ?? 'invalid';
  const s = z
    .string({ error: (issue) => (issue.input === undefined ? (opts.missing ?? opts.code ?? 'required') : wrong) })
    .trim()
    .refine((v) => !hasControls(v, opts.lines), 'control')
    .max(opts.max, opts.code ?? 'tooLong');
  const inner = (opts.required ? s : s.optional()) as Req extends true ? typeof s : z.ZodOptional<typeof s>;
  return z.preprocess((v) => (blank(v) ? undefined : v), inner);
}

/**
 * An e-mail address, by the widgets' pattern (Cyrillic domains included); anything wrong is `email`.
 * @example emailField(254).parse('клиент@пример.рф') // 'клиент@пример.рф'
 */
export const emailField = <Req extends boolean = false>(max: number, required?: Req) =>
  textField({ max, code: 'email', missing: 'required', required }).refine(
    (v) => v === undefined || isEmail(v),
    'email',
  );

/**
 * One of a fixed list of values; missing or anything else is `code`.
 * @example oneOfField(['admin', 'qms'], 'invalid').parse('qms') // 'qms'
 */
export const oneOfField = <const T extends readonly [string, ...string[]]>(values: T, code: Code) =>
  z.enum(values, { error: code });

/**
 * A password: taken exactly as typed (spaces count, control characters too: it is never shown);
 * missing is `required`, over `max` UTF-16 units `tooLong`, under `min` characters `invalid`.
 * @example passwordField(10, 256).safeParse('short').success // false
 */
export const passwordField = (min: number, max: number) =>
  z.preprocess(
    (v) => (v === null || v === '' ? undefined : v),
    z
      .string({ error: (issue) => (issue.input === undefined ? 'required' : 'invalid') })
      .max(max, 'tooLong')
      .refine((v) => [...v].length >= min, 'invalid'),
  );
