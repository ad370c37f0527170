import type { Context } from 'hono';

/**
 * The server's public address for absolute links (signatures, e-mails): PUBLIC_URL, else the
 * address this request came to.
 */
export function publicBase(c: Context, publicUrl: string | undefined): string {
  return publicUrl ?? new URL(c.req.url).origin;
}
