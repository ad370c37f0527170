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

/**
 * What the per-IP limits count an address as: an IPv4 address itself, an IPv6 address its /64
 * network. One home or cloud connection gets a whole /64 (2^64 addresses), so counted one by one
 * an IPv6 client passed every per-IP limit by changing its last digits.
 * @example limitedAs('2001:db8:1:0:abcd::9') // '2001:db8:1:0::/64'
 */
export function limitedAs(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail] = ip.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  // An IPv4 address at the end (`::1.2.3.4`) takes two groups.
  const width = (parts: string[]) => parts.reduce((n, p) => n + (p.includes('.') ? 2 : 1), 0);
  const zeros = tail === undefined ? 0 : 8 - width(groups(head)) - width(groups(tail));
  const all = [...groups(head), ...Array<string>(zeros).fill('0'), ...groups(tail ?? '')];
  return `${all
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
