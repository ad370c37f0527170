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

/** An IPv6 address's eight groups as numbers (its dotted IPv4 tail as the last two). */
function groupsOf(ip: string): number[] {
  const [head = '', tail] = ip.split('::');
  const read = (part: string) =>
    part
      ? part.split(':').flatMap((g) => {
          if (!g.includes('.')) return [Number.parseInt(g, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = g.split('.').map(Number);
          return [a * 256 + b, c * 256 + d];
        })
      : [];
  const [h, t] = [read(head), read(tail ?? '')];
  return [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t];
}

/**
 * What the per-IP limits count an address as: an IPv4 address itself, an IPv6 address its /64
 * network. One home or cloud connection gets a whole /64 (2^64 addresses), so counted one by one
 * an IPv6 client passed every per-IP limit by changing its last digits. An IPv6 address that
 * carries an IPv4 client (mapped `::ffff:0:0/96`, compatible `::/96`, NAT64 `64:ff9b::/96`) is
 * that client: counted by its /64, every client behind such a gateway shared one allowance.
 * @example limitedAs('2001:db8:1:0:abcd::9') // '2001:db8:1:0::/64'
 * @example limitedAs('64:ff9b::c000:201') // '192.0.2.1'
 */
export function limitedAs(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const g = groupsOf(ip);
  const hex = (groups: number[]) => groups.map((n) => n.toString(16)).join(':');
  const prefix = hex(g.slice(0, 6));
  // `::` and `::1` are not IPv4 clients, though `::/96` would take them for 0.0.0.0 and 0.0.0.1.
  const compatible = prefix === '0:0:0:0:0:0' && g[6]! > 0;
  if (compatible || prefix === '0:0:0:0:0:ffff' || prefix === '64:ff9b:0:0:0:0')
    return [g[6]! >> 8, g[6]! & 255, g[7]! >> 8, g[7]! & 255].join('.');
  return `${hex(g.slice(0, 4))}::/64`;
}
