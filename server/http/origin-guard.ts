import type { MiddlewareHandler } from 'hono';
import { countRefusal, type RefusalDeps } from '../refusals.ts';
import { ApiError } from './api-error.ts';
import { isOwnOrigin } from './own-origin.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * ALLOWED_ORIGINS, enforced by the server itself: CORS only stops a foreign page reading the
 * answer, and a form-encoded or multipart post is a «simple» request the browser sends without
 * asking, so any site could make its visitors post in the company's name. With a list (not `*`)
 * a POST, PUT, PATCH or DELETE whose `Origin` is neither on it nor Otklik's own is a 403
 * `origin_forbidden`, counted as the refusal `origin`; one without `Origin` (a server-side
 * integration, curl) is taken, as no browser page can send it.
 * @example app.use('*', guardOrigins({ db, clock, allowedOrigins: ['https://site.example'], publicUrl }))
 */
export function guardOrigins(
  deps: RefusalDeps & {
    allowedOrigins: string[];
    publicUrl: string | undefined;
  },
): MiddlewareHandler {
  // Already as browsers send `Origin` (env.ts keeps the list so), for this guard and CORS alike.
  const allowed = new Set(deps.allowedOrigins);
  return async (c, next) => {
    const origin = c.req.header('origin');
    const taken =
      allowed.has('*') ||
      !STATE_CHANGING.has(c.req.method) ||
      origin === undefined ||
      allowed.has(origin) ||
      isOwnOrigin(c, deps.publicUrl);
    if (!taken) {
      await countRefusal(deps, 'origin');
      // The public API's refusal is readable by the page that sent it (its preflight passed, see
      // api-cors.ts): the widget then says why, not «сервер недоступен, попробуйте ещё раз».
      if (c.req.path.startsWith('/api/v1/')) {
        c.header('Access-Control-Allow-Origin', origin);
        c.header('Vary', 'Origin');
      }
      throw new ApiError(403, 'origin_forbidden');
    }
    await next();
  };
}
