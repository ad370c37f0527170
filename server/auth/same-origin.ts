import type { Context } from 'hono';

/**
 * Login CSRF: a page on another site could sign the victim's browser in to the attacker's
 * account. Browsers send `Origin` on every cross-origin POST, so one that names another site
 * is refused; a request without it (curl, old clients) can't come from a foreign page's form.
 * Our own origin is PUBLIC_URL's, or the host the request came to: behind a proxy that ends TLS
 * the server sees http:// while the browser says https://, so only the host is compared there.
 */
export function fromOwnOrigin(c: Context, publicUrl: string | undefined): boolean {
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  if (publicUrl && origin === new URL(publicUrl).origin) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false; // `Origin: null` from sandboxed frames and privacy-sensitive redirects
  }
  return host !== '' && host === (c.req.header('host') ?? new URL(c.req.url).host);
}
