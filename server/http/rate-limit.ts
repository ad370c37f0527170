import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../clock.ts';
import { ApiError } from './api-error.ts';
import { clientIp } from './client-ip.ts';

/**
 * Limits how many submissions one IP may post in a window (spam and floods), answering 429 with
 * `Retry-After`. Counted in this process: with several instances each counts its own share,
 * which is enough against floods. Requests whose IP is unknown are not counted.
 */
export function rateLimit(opts: {
  max: number;
  windowMs: number;
  clock: Clock;
  trustProxy: boolean;
}): MiddlewareHandler {
  const hits = new Map<string, number[]>();
  let lastSweep = 0;
  return async (c, next) => {
    const ip = clientIp(c, opts.trustProxy);
    if (opts.max <= 0 || !ip) return next();
    const now = opts.clock.now().getTime();
    const since = now - opts.windowMs;
    if (now - lastSweep > opts.windowMs) {
      for (const [key, times] of hits) if (times[times.length - 1]! <= since) hits.delete(key);
      lastSweep = now;
    }
    const times = (hits.get(ip) ?? []).filter((t) => t > since);
    if (times.length >= opts.max) {
      c.header('Retry-After', String(Math.max(1, Math.ceil((times[0]! + opts.windowMs - now) / 1000))));
      throw new ApiError(429, 'rate_limited');
    }
    times.push(now);
    hits.set(ip, times);
    await next();
  };
}
