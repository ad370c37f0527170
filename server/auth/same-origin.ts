import type { Context } from 'hono';
import { isOwnOrigin } from '../http/own-origin.ts';

/**
 * Login CSRF: a page on another site could sign the victim's browser in to the attacker's
 * account. Browsers send `Origin` on every cross-origin POST, so one that names another site
 * is refused; a request without it (curl, old clients) can't come from a foreign page's form.
 * Our own origin is PUBLIC_URL's, or the host the request came to (http/own-origin.ts). Unlike
 * ALLOWED_ORIGINS' check, the company's sites are not the console's own.
 */
export function fromOwnOrigin(c: Context, publicUrl: string | undefined): boolean {
  return isOwnOrigin(c, publicUrl);
}
