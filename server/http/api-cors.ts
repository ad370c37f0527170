import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/**
 * CORS of the public API (/api/v1/*), for the widget on the company's sites: preflights answered by
 * Hono's `cors`, every other request given its `Access-Control-Allow-Origin` (the origin itself
 * when it is allowed, or `*` when all are) before its handler runs, and `Vary: Origin` when the
 * answer depends on it. The same headers `cors` sets; but `cors` sets them on a response made in
 * advance, and Hono then copies the handler's answer into a stream — more work than many answers
 * themselves (issue 12 «Speed»).
 * @example app.use('/api/v1/*', apiCors(config.allowedOrigins))
 */
export function apiCors(origins: readonly string[]): MiddlewareHandler {
  const anyOrigin = origins.includes('*');
  const preflight = cors({
    // Any origin's preflight passes: its request is then refused by the origin guard with a 403
    // the widget can read and show («Запросы с этого сайта не принимаются…»). Refused here, the
    // request was never sent, and the widget could only say the server was unreachable.
    origin: anyOrigin ? '*' : (origin) => origin,
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Idempotency-Key', 'Accept-Language'],
    maxAge: 86400,
  });
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    const origin = c.req.header('origin') ?? '';
    const allowed = anyOrigin ? '*' : origins.includes(origin) ? origin : null;
    if (allowed) c.header('Access-Control-Allow-Origin', allowed);
    await next();
    // On the answer's own headers: c.header() after the answer is made would copy it into a stream.
    if (!anyOrigin) c.res.headers.append('Vary', 'Origin');
  };
}
