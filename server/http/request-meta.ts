import type { Context } from 'hono';
import { clientIp } from './client-ip.ts';

/** Who sent a submission, as its consent record keeps it. */
export interface RequestMeta {
  ip: string | null;
  /** Cut to 500 characters: a header is the client's to fill. */
  userAgent: string | null;
}

/**
 * The client's IP (see `clientIp`) and user agent of a request.
 * @example acceptFeedback(deps, raw, { ...requestMeta(c, config.trustProxy), lang, channel: 'site' })
 */
export const requestMeta = (c: Context, trustProxy: boolean): RequestMeta => ({
  ip: clientIp(c, trustProxy),
  userAgent: c.req.header('user-agent')?.slice(0, 500) ?? null,
});
