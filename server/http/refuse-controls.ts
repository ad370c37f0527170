import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.ts';

/**
 * A percent-encoded C0 control or DEL: `%00`–`%1F`, `%7F`. The URL parser percent-encodes one
 * sent raw, so this is all a request's address can carry.
 */
const CONTROL = /%(?:[01][0-9a-f]|7f)/i;
const hasControl = (s: string) => CONTROL.test(s);

/**
 * Refuses an address carrying NUL or another control character before any route sees it: in
 * the path it names nothing (404), in the query it is a malformed request (400). One check at
 * the root instead of one per parameter; PostgreSQL would answer a NUL in a lookup with a 500.
 * @example app.use('*', refuseControls())
 */
export const refuseControls = (): MiddlewareHandler => async (c, next) => {
  const url = c.req.url;
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const query = url.indexOf('?', start);
  const path = query < 0 ? url.slice(start) : url.slice(start, query);
  if (hasControl(path)) throw new ApiError(404, 'not_found');
  if (query >= 0 && hasControl(url.slice(query))) throw new ApiError(400, 'bad_request');
  await next();
};
