import * as z from 'zod/mini';
import { isValidInn } from './inn.ts';
import { LIMITS } from './limits.ts';
import { normalizePhone } from './phone.ts';
import { type FieldErrorCode } from './i18n.ts';

/** Kinds of a feedback message, in the form's order. */
export const FEEDBACK_KINDS = ['thanks', 'complaint', 'suggestion'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

const err = (code: FieldErrorCode) => ({ error: code });

/** A trimmed text; empty means absent. */
const optionalText = (max: number) =>
  z.optional(z.string(err('invalid')).check(z.trim(), z.maxLength(max, err('tooLong'))));

/** A checkbox arrives as `true` from JSON and as `on` or `true` from a form post. */
const checkbox = z.pipe(
  z.optional(z.union([z.boolean(), z.string()], err('invalid'))),
  z.transform((v) => v === true || v === 'on' || v === 'true'),
);

/**
 * The fields of `POST /api/v1/feedback` (files excepted: they are checked by content on the server).
 * Error messages are codes of `FIELD_ERRORS`.
 * @example feedbackSchema.safeParse(blankToUndefined({ kind: 'thanks', message: 'Спасибо!', consent: true }))
 */
export const feedbackSchema = z.object({
  kind: z.enum(FEEDBACK_KINDS, err('kind')),
  message: z.string(err('required')).check(
    z.trim(),
    z.minLength(1, err('required')),
    z.maxLength(LIMITS.messageMax, err('tooLong')),
  ),
  name: optionalText(LIMITS.nameMax),
  organization: optionalText(LIMITS.organizationMax),
  inn: z.optional(
    z.pipe(
      z.string(err('inn')),
      z.transform((v) => v.replace(/\s/g, '')),
    ).check(z.refine(isValidInn, err('inn'))),
  ),
  phone: z.optional(
    z.pipe(
      z.string(err('phone')).check(z.refine((v) => normalizePhone(v) !== null, err('phone'))),
      z.transform((v) => normalizePhone(v) ?? v),
    ),
  ),
  email: z.optional(
    z.string(err('email')).check(
      z.trim(),
      z.maxLength(LIMITS.emailMax, err('email')),
      z.email({ pattern: z.regexes.unicodeEmail, error: 'email' }),
    ),
  ),
  consent: checkbox.check(z.refine((v) => v === true, err('consent'))),
  page: optionalText(LIMITS.pageMax),
  idempotencyKey: optionalText(LIMITS.idempotencyKeyMax),
  website: optionalText(1000),
});

export type FeedbackInput = z.input<typeof feedbackSchema>;
export type Feedback = z.output<typeof feedbackSchema>;

/**
 * Form posts send every field, filled or not: an empty or blank string means «not given».
 * @example blankToUndefined({ name: ' ', kind: 'thanks' }) // { kind: 'thanks' }
 */
export function blankToUndefined(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === 'string' && value.trim() === '') continue;
    out[key] = value;
  }
  return out;
}

/**
 * Turns a failed parse into `{ field: code }`, the first problem of each field.
 * @example fieldErrors(feedbackSchema.safeParse({}).error) // { kind: 'kind', message: 'required', consent: 'consent' }
 */
export function fieldErrors(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } | undefined): Record<string, FieldErrorCode> {
  const out: Record<string, FieldErrorCode> = {};
  for (const issue of error?.issues ?? []) {
    const field = String(issue.path[0] ?? '_');
    out[field] ??= (issue.message in CODES ? issue.message : 'invalid') as FieldErrorCode;
  }
  return out;
}

const CODES: Record<FieldErrorCode, true> = {
  required: true, tooLong: true, kind: true, email: true, phone: true, inn: true, consent: true,
  invalid: true, filesCount: true, fileType: true, fileSize: true,
};
