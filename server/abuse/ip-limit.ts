import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';
import { clientIp, limitedAs } from '../http/client-ip.ts';
import { perIp } from './allowances.ts';
import { countHit } from './counters.ts';
import { refuse } from './refuse.ts';

/**
 * Limits how many submissions one IP may post in 10 minutes (RATE_LIMIT), answering 429 with
 * `Retry-After`. Counted in the database, so the limit holds however many instances share it.
 * Checked before the body is read: a flood costs one upsert per request. RATE_LIMIT=0 turns it
 * off; a request whose IP is unknown is not counted.
 * @example for (const path of ['/api/v1/feedback', '/api/v1/ratings']) app.post(path, limitPerIp(deps))
 */
export function limitPerIp(deps: IpLimitDeps): MiddlewareHandler {
  return async (c, next) => {
    await checkIpLimit(c, deps);
    await next();
  };
}

type IpLimitDeps = { db: Db; clock: Clock; config: Config };

/**
 * `limitPerIp` as a call: a post counted against its IP's allowance, and past it the 429 thrown
 * (counted, with Retry-After). The hosted pages call it themselves, so that a client refused on
 * them sees his form again with what he typed (hosted/routes.ts, ratings/pages.ts).
 * @example await checkIpLimit(c, deps)
 */
export async function checkIpLimit(c: Context, deps: IpLimitDeps): Promise<void> {
  const ip = clientIp(c, deps.config.trustProxy);
  if (deps.config.rateLimit <= 0 || !ip) return;
  const hit = await countHit(deps.db, deps.clock, `ip:${limitedAs(ip)}`, perIp(deps.config.rateLimit));
  if (!hit.allowed) await refuse(c, deps, 'rate_ip', 429, 'rate_limited', hit.retryAfterS);
}
