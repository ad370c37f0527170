import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorAnswer } from '../../shared/api-answers.ts';
import { CONSOLE_FIELD_ERRORS, type ConsoleFieldErrorCode } from '../../shared/console-errors.ts';
import {
  API_ERRORS,
  type ApiErrorCode,
  FIELD_ERRORS,
  type FieldErrorCode,
  type Lang,
  RATE_LIMITED_FOR,
} from '../../shared/i18n.ts';

/** What a field error's code may be: the widgets' codes, or one only the console meets. */
export type AnyFieldErrorCode = FieldErrorCode | ConsoleFieldErrorCode;

/** An error the client caused; `onError` shapes it as `{"error": {"code", "message", "fields"}}`. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    readonly fields: Partial<Record<string, AnyFieldErrorCode>> = {},
    /** A refusal that lifts: seconds until it does (the answer's Retry-After), said in its message. */
    readonly retryAfterS?: number,
  ) {
    // No stack: a client's error is answered, never logged with one, and walking the stack was
    // most of the cost of making it (every refused submission makes one; issue 12 «Speed»).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(status, { message: code });
    Error.stackTraceLimit = limit;
  }

  /** The field errors a public form shows: the console's own codes never come from one, and would read as «invalid». */
  get formFields(): Partial<Record<string, FieldErrorCode>> {
    return Object.fromEntries(
      Object.entries(this.fields).map(([field, c]) => [
        field,
        c && c in FIELD_ERRORS.ru ? (c as FieldErrorCode) : 'invalid',
      ]),
    );
  }
}

/** Every field error's text, the widgets' and the console's, by language. */
const FIELD_TEXTS: Record<Lang, Record<AnyFieldErrorCode, string>> = {
  ru: { ...FIELD_ERRORS.ru, ...CONSOLE_FIELD_ERRORS.ru },
  en: { ...FIELD_ERRORS.en, ...CONSOLE_FIELD_ERRORS.en },
};

/**
 * An error's message in the client's language; a limit's says in how many minutes it lifts.
 * @example errorMessage('ru', 'rate_limited', 290) // '… Попробуйте снова через 5 мин.'
 */
export function errorMessage(lang: Lang, code: ApiErrorCode, retryAfterS?: number): string {
  if (code === 'rate_limited' && retryAfterS !== undefined) return RATE_LIMITED_FOR[lang](Math.ceil(retryAfterS / 60));
  return API_ERRORS[lang][code];
}

/** The public error body in the client's language. */
export function errorBody(
  lang: Lang,
  code: ApiErrorCode,
  fields: Partial<Record<string, AnyFieldErrorCode>> = {},
  retryAfterS?: number,
): ErrorAnswer {
  const texts = FIELD_TEXTS[lang];
  const named = Object.fromEntries(Object.entries(fields).map(([field, c]) => [field, texts[c ?? 'invalid']]));
  return { error: { code, message: errorMessage(lang, code, retryAfterS), fields: named } };
}
