import type { Context } from 'hono';

/**
 * Whether the request's `Origin` is Otklik's own: PUBLIC_URL's origin, or the host the request
 * came to. Behind a proxy that ends TLS the server sees http:// while the browser says https://,
 * so only the host is compared there. `Origin: null` (sandboxed frames, privacy-sensitive
 * redirects) is nobody's own. A request without `Origin` is not asked about here.
 * @example isOwnOrigin(c, 'https://feedback.example.ru')
 */
export function isOwnOrigin(c: Context, publicUrl: string | undefined): boolean {
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  if (publicUrl && origin === new URL(publicUrl).origin) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  return host !== '' && host === (c.req.header('host') ?? new URL(c.req.url).host);
}
