import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CONSOLE_API_MESSAGES } from '../../shared/console-errors.ts';
import { type ApiErrorCode, FORM_TEXTS, type Lang, READ_FAILED } from '../../shared/i18n.ts';
import { page } from './page-layout.ts';
import { ApiError, errorBody } from './api-error.ts';
import { databaseUnavailable } from './database-unavailable.ts';
import { langPath, pageLang, requestLang } from './lang.ts';

const CODE_BY_STATUS: Record<number, ApiErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/**
 * The one place errors get their public shape: JSON for the APIs, a short page for a person's
 * browser on the server-rendered pages (/f, /r, /s, /reviews). The server's log of them is
 * ops/log-errors.ts.
 */
export function onError(err: Error, c: Context) {
  const asPage = !c.req.path.startsWith('/api/') && (c.req.header('accept') ?? '').includes('text/html');
  // A page's `?lang=en` holds for its errors too (a form posts to its own address, query and all).
  const lang = asPage ? pageLang(c) : requestLang(c);
  const [status, body] = shape(err, lang);
  if (status >= 500 && (c.req.method === 'GET' || c.req.method === 'HEAD')) body.error.message = READ_FAILED[lang];
  // The console's actions, whatever failed (a bug, a database out of reach): no client's message was being sent.
  else if (status >= 500 && c.req.path.startsWith('/api/admin/'))
    body.error.message = CONSOLE_API_MESSAGES[lang].internal;
  const unavailable = databaseUnavailable(err);
  if (unavailable) c.header('Retry-After', String(unavailable.retryAfterS));
  if (asPage) {
    return c.html(
      page(c, {
        lang,
        title: body.error.message,
        body: html`<div class="card" role="alert"><h1>${body.error.message}</h1><p><a href="${langPath('/f', lang)}">${FORM_TEXTS[lang].title}</a></p></div>`,
      }),
      status,
    );
  }
  return c.json(body, status);
}

/** The status an error is answered with: 500 for anything unforeseen. */
export function errorStatus(err: Error): ContentfulStatusCode {
  if (err instanceof ApiError) return err.status;
  if (err instanceof HTTPException && err.status < 500) return err.status as ContentfulStatusCode;
  return databaseUnavailable(err) ? 503 : 500;
}

function shape(err: Error, lang: Lang): [ContentfulStatusCode, ReturnType<typeof errorBody>] {
  const status = errorStatus(err);
  if (err instanceof ApiError) return [status, errorBody(lang, err.code, err.fields, err.more)];
  if (status < 500) return [status, errorBody(lang, CODE_BY_STATUS[status] ?? 'bad_request')];
  const unavailable = databaseUnavailable(err);
  return [status, errorBody(lang, unavailable ? unavailable.code : 'internal')];
}
