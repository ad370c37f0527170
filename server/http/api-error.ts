import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorAnswer } from '../../shared/api-answers.ts';
import { API_ERRORS, type ApiErrorCode, FIELD_ERRORS, type FieldErrorCode, type Lang } from '../../shared/i18n.ts';

/** An error the client caused; `onError` shapes it as `{"error": {"code", "message", "fields"}}`. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    readonly fields: Partial<Record<string, FieldErrorCode>> = {},
  ) {
    super(status, { message: code });
  }
}

/** The public error body in the client's language. */
export function errorBody(
  lang: Lang,
  code: ApiErrorCode,
  fields: Partial<Record<string, FieldErrorCode>> = {},
): ErrorAnswer {
  const texts = FIELD_ERRORS[lang];
  const named = Object.fromEntries(Object.entries(fields).map(([field, c]) => [field, texts[c ?? 'invalid']]));
  return { error: { code, message: API_ERRORS[lang][code], fields: named } };
}
