import type { Context } from 'hono';
import { routePath } from 'hono/route';
import { databaseUnavailable } from '../http/database-unavailable.ts';
import { errorStatus, onError } from '../http/on-error.ts';
import type { Logger } from './logger.ts';

/**
 * The app's error handler: answers through onError, and logs what the operator must see — a
 * server error, and a full disk (SQLITE_FULL) — at error level, a database locked by another
 * process at warn, in the server's JSON log with the request's id and route pattern (no URL:
 * observe-requests.ts says why). Without a logger (tests) to stderr, as before there was a log.
 * @example app.onError(logErrors(logger))
 */
export function logErrors(logger?: Logger) {
  const log = logger?.child({ component: 'http' });
  return (err: Error, c: Context) => {
    const unavailable = databaseUnavailable(err);
    const where = () => ({ reqId: c.get('requestId'), method: c.req.method, route: routePath(c) });
    if (errorStatus(err) === 500 || unavailable?.code === 'storage_full') {
      if (log) log.error({ err, ...where() }, 'request failed');
      else console.error(`[otklik] ${c.req.method} ${c.req.path}:`, err);
    } else if (unavailable) {
      const what = 'database locked by another process, 503';
      if (log) log.warn(where(), what);
      else console.warn(`[otklik] ${c.req.method} ${c.req.path}: ${what}`);
    }
    return onError(err, c);
  };
}
