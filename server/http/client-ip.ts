import { isIP } from 'node:net';
import type { Context } from 'hono';

// An IPv4 address as a dual-stack socket gives it (`::ffff:203.0.113.5`).
const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * The client's IP for the consent record, the audit and the per-IP limits. Behind a proxy
 * (TRUST_PROXY) the nearest hop of X-Forwarded-For is used when it is an IP address; otherwise
 * (no proxy, or a hop that is not an address, which no proxy writes) the socket's address, which a
 * client can't forge. An IPv4 address comes as itself, never in its IPv6 mapped form, so one
 * client is one address whichever way it connected (the audit showed `::ffff:127.0.0.1` beside
 * `127.0.0.1`).
 * @example clientIp(c, false) // '203.0.113.5' of a socket's '::ffff:203.0.113.5'
 */
export function clientIp(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const nearest = hops.length > 0 ? plainIp(hops[hops.length - 1]!) : '';
    // No zone id (`fe80::1%eth0`): it may be any length, and no proxy names a client by one.
    if (isIP(nearest) && !nearest.includes('%')) return nearest;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const address = incoming?.socket?.remoteAddress;
  return address ? plainIp(address) : null;
}

/** An IPv4-mapped IPv6 address as IPv4; any other address as it is. */
const plainIp = (address: string): string => MAPPED_V4.exec(address)?.[1] ?? address;
