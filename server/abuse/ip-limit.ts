import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';
import { clientIp } from '../http/client-ip.ts';
import { perIp } from './allowances.ts';
import { countHit } from './counters.ts';
import { refuse } from './refuse.ts';

/**
 * Limits how many submissions one IP may post in 10 minutes (RATE_LIMIT), answering 429 with
 * `Retry-After`. Counted in the database, so the limit holds however many instances share it.
 * Checked before the body is read: a flood costs one upsert per request. RATE_LIMIT=0 turns it
 * off; a request whose IP is unknown is not counted.
 * @example for (const path of ['/api/v1/feedback', '/f']) app.post(path, limitPerIp(deps))
 */
export function limitPerIp(deps: { db: Db; clock: Clock; config: Config }): MiddlewareHandler {
  return async (c, next) => {
    const ip = clientIp(c, deps.config.trustProxy);
    if (deps.config.rateLimit <= 0 || !ip) return next();
    const hit = await countHit(deps.db, deps.clock, `ip:${ip}`, perIp(deps.config.rateLimit));
    if (!hit.allowed) await refuse(c, deps, 'rate_ip', 429, 'rate_limited', hit.retryAfterS);
    await next();
  };
}
