import type { MiddlewareHandler } from 'hono';
import { type RequestIdVariables, requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';

/**
 * Per request: an id (a sane incoming X-Request-Id — letters, digits, `_-=`, up to 64 — or a new
 * UUID), returned in the X-Request-Id header; the request counted and timed in the metrics; and one
 * log line of method, route pattern, status, duration and id. Nothing personal: no URL (a query
 * string may hold an e-mail), no body, no IP, no user agent — the route pattern says which page
 * without saying whose (`/r/:slug`). Cheap: a counter, a histogram and one asynchronous write.
 * @example app.use('*', observeRequests({ metrics, logger }))
 */
export function observeRequests(deps: {
  metrics: Metrics;
  logger?: Logger;
}): MiddlewareHandler<{ Variables: RequestIdVariables }> {
  const log = deps.logger?.child({ component: 'http' });
  const withId = requestId({ limitLength: 64 });
  return (c, next) =>
    withId(c, async () => {
      const start = performance.now();
      await next();
      const seconds = (performance.now() - start) / 1000;
      // After next() the route index is that of whatever answered: the handler, or a middleware that refused.
      const route = routePath(c) || 'unmatched';
      const status = c.res.status;
      deps.metrics.observeRequest(c.req.method, route, status, seconds);
      // A server error stays in the log at LOG_LEVEL=warn, where the request lines don't.
      log?.[status >= 500 ? 'error' : 'info'](
        { reqId: c.get('requestId'), method: c.req.method, route, status, ms: Math.round(seconds * 10_000) / 10 },
        'request',
      );
    });
}
