import type { MiddlewareHandler } from 'hono';
import type { Logger } from './logger.ts';

/**
 * Says once, in the log, that requests come through a proxy the server doesn't trust: with
 * `X-Forwarded-For` and TRUST_PROXY off, every client is the proxy's address, so the whole
 * company shares one RATE_LIMIT and one sign-in lock-out, silently (the operator's finding: five
 * clients behind nginx, the fourth refused). Off once said, or when TRUST_PROXY is on.
 */
export function untrustedProxyWarning(trustProxy: boolean, logger: Logger | undefined): MiddlewareHandler {
  let said = trustProxy || logger === undefined;
  return async (c, next) => {
    if (!said && c.req.header('x-forwarded-for') !== undefined) {
      said = true;
      logger?.warn(
        'requests come with X-Forwarded-For, but TRUST_PROXY is off: every client counts as the proxy (one RATE_LIMIT and one sign-in lock-out for all). Behind a proxy you run, set TRUST_PROXY=1 (and HOST=127.0.0.1 when it is on this machine).',
      );
    }
    await next();
  };
}
