import type { Context } from 'hono';

/**
 * The client's IP for the consent record. Behind a proxy (TRUST_PROXY) the nearest hop of
 * X-Forwarded-For is used; otherwise the socket's address, which a client can't forge.
 */
export function clientIp(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (hops.length > 0) return hops[hops.length - 1]!;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? null;
}
