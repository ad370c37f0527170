import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { ApiError } from '../http/api-error.ts';
import { clientIp } from '../http/client-ip.ts';
import type { Metrics } from './metrics.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1']);
/** What a reverse proxy adds to say whom it forwards: nginx's examples use X-Real-IP alone too. */
const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/**
 * Who may read /metrics. With METRICS_TOKEN set: whoever sends `Authorization: Bearer <token>`
 * (401 otherwise). Without it: only a scraper on this machine talking to the server directly —
 * from a loopback address and with no X-Forwarded-For, Forwarded or X-Real-IP header, because a reverse
 * proxy on the same machine also connects from loopback and would pass the whole world on.
 * Everyone else gets 404, as if there were no such page.
 */
export function metricsAccess(c: Context, token: string | undefined): 'ok' | 401 | 404 {
  if (token) return bearerMatches(c.req.header('authorization'), token) ? 'ok' : 401;
  const direct = !PROXY_HEADERS.some((h) => c.req.header(h));
  const ip = clientIp(c, false);
  return direct && ip !== null && LOOPBACK.has(ip) ? 'ok' : 404;
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1]!);
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * GET /metrics in Prometheus's text format.
 * @example app.get('/metrics', metricsHandler(metrics, config.metricsToken))
 */
export function metricsHandler(metrics: Metrics, token: string | undefined) {
  return async (c: Context) => {
    const access = metricsAccess(c, token);
    if (access === 401) c.header('WWW-Authenticate', 'Bearer realm="metrics"');
    if (access !== 'ok') throw new ApiError(access, access === 401 ? 'unauthorized' : 'not_found');
    const body = await metrics.registry.metrics();
    return c.body(body, 200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' });
  };
}
