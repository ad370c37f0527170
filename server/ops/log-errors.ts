import type { Context } from 'hono';
import { routePath } from 'hono/route';
import { databaseUnavailable } from '../http/database-unavailable.ts';
import { isDatabaseUnreachable, isTransactionConflict } from '../db/errors.ts';
import { errorStatus, onError } from '../http/on-error.ts';
import type { Logger } from './logger.ts';

/**
 * Logs a request's failure in the server's JSON log, at `level`, with the request's id and route
 * pattern (no URL: observe-requests.ts says why) and the error when there is one; without a logger
 * (tests) to stderr, as before there was a log.
 * @example requestLog(logger)(c, 'error', 'request failed', err)
 */
export function requestLog(logger?: Logger) {
  const log = logger?.child({ component: 'http' });
  return (c: Context, level: 'error' | 'warn', message: string, err?: unknown) => {
    if (log) log[level]({ ...(err !== undefined && { err }), ...where(c) }, message);
    else console[level](`[otklik] ${c.req.method} ${c.req.path}: ${message}`, ...(err === undefined ? [] : [err]));
  };
}

const where = (c: Context) => ({ reqId: c.get('requestId'), method: c.req.method, route: routePath(c) });

/**
 * The app's error handler: answers through onError, and logs what the operator must see — a
 * server error, a full disk (SQLITE_FULL) and a PostgreSQL that can't be reached, with the error
 * that says why — at error level, a database locked by another process at warn.
 * @example app.onError(logErrors(logger))
 */
export function logErrors(logger?: Logger) {
  const log = requestLog(logger);
  return (err: Error, c: Context) => {
    const unavailable = databaseUnavailable(err);
    if (errorStatus(err) === 500 || unavailable?.code === 'storage_full') log(c, 'error', 'request failed', err);
    else if (isDatabaseUnreachable(err)) log(c, 'error', 'database unreachable, 503', err);
    else if (isTransactionConflict(err)) log(c, 'warn', 'transaction ended by a conflict (deadlock), 503', err);
    else if (unavailable) log(c, 'warn', 'database locked by another process, 503');
    return onError(err, c);
  };
}
