import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ApiErrorCode } from '../../shared/i18n.ts';
import { ApiError, errorBody } from './api-error.ts';
import { requestLang } from './lang.ts';

const CODE_BY_STATUS: Record<number, ApiErrorCode> = {
  400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 413: 'too_large', 415: 'unsupported_media_type', 429: 'rate_limited',
};

/** The one place errors get their public shape. */
export function onError(err: Error, c: Context) {
  const lang = requestLang(c);
  if (err instanceof ApiError) return c.json(errorBody(lang, err.code, err.fields), err.status);
  if (err instanceof HTTPException && err.status < 500) {
    return c.json(errorBody(lang, CODE_BY_STATUS[err.status] ?? 'bad_request'), err.status);
  }
  console.error(`[otklik] ${c.req.method} ${c.req.path}:`, err);
  return c.json(errorBody(lang, 'internal'), 500);
}
