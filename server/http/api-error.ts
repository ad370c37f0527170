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

/** What an error says besides its code and fields. */
export interface ErrorDetails {
  /** A refusal that lifts: seconds until it does (the answer's Retry-After), said in its message. */
  retryAfterS?: number;
  /** What a field's error is about, said after its text: a refused file's name («…: счёт.exe»). */
  named?: Partial<Record<string, string>>;
  /**
   * The answer's message as this field error's text, where the code's own would mislead: a 409
   * for the last admin, whom nobody changed meanwhile, is no «данные изменились».
   */
  says?: AnyFieldErrorCode;
}

/** What a field error's code may be: the widgets' codes, or one only the console meets. */
export type AnyFieldErrorCode = FieldErrorCode | ConsoleFieldErrorCode;

/** An error the client caused; `onError` shapes it as `{"error": {"code", "message", "fields"}}`. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    readonly fields: Partial<Record<string, AnyFieldErrorCode>> = {},
    readonly more: ErrorDetails = {},
  ) {
    // No stack: a client's error is answered, never logged with one, and walking the stack was
    // most of the cost of making it (every refused submission makes one; issue 12 «Speed»).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(status, { message: code });
    Error.stackTraceLimit = limit;
  }

  /** Seconds until a refusal lifts (its Retry-After), said in its message. */
  get retryAfterS(): number | undefined {
    return this.more.retryAfterS;
  }

  /**
   * This refusal naming what `other`, of the same code and fields, names too: two files refused
   * for one reason are named in one message.
   */
  alsoNaming(other: ApiError): ApiError {
    const same = other.code === this.code && Object.keys(other.fields).join() === Object.keys(this.fields).join();
    if (!same || !other.more.named) return this;
    const named = { ...this.more.named };
    // One file can be refused twice over (its chunk and its stream both say so): named once.
    for (const [field, what] of Object.entries(other.more.named))
      if (what && !named[field]?.split(', ').includes(what))
        named[field] = named[field] ? `${named[field]}, ${what}` : what;
    return new ApiError(this.status, this.code, this.fields, { ...this.more, named });
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

/**
 * A field error's text, and what it is about when known.
 * @example fieldMessage(FIELD_ERRORS.ru.fileType, 'счёт.exe') // 'Такие файлы не принимаются (…): счёт.exe'
 */
export const fieldMessage = (text: string, about?: string) => (about ? `${text}: ${about}` : text);

/** The public error body in the client's language. */
export function errorBody(
  lang: Lang,
  code: ApiErrorCode,
  fields: Partial<Record<string, AnyFieldErrorCode>> = {},
  more: ErrorDetails = {},
): ErrorAnswer {
  const texts = FIELD_TEXTS[lang];
  const named = Object.fromEntries(
    Object.entries(fields).map(([field, c]) => [field, fieldMessage(texts[c ?? 'invalid'], more.named?.[field])]),
  );
  const message = more.says ? texts[more.says] : errorMessage(lang, code, more.retryAfterS);
  return { error: { code, message, fields: named } };
}
