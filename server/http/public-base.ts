import type { Context } from 'hono';

/**
 * The server's public address for absolute links (signatures, e-mails): PUBLIC_URL, else the
 * address this request came to — behind a proxy (TRUST_PROXY) with the scheme the client used,
 * from `X-Forwarded-Proto`: a signature made through an https proxy said `http://`, and its links
 * stay in clients' mailboxes for years.
 * @example publicBase(c, { publicUrl: undefined, trustProxy: true }) // 'https://feedback.example.ru'
 */
export function publicBase(c: Context, where: { publicUrl: string | undefined; trustProxy?: boolean }): string {
  if (where.publicUrl) return where.publicUrl;
  const url = new URL(c.req.url);
  const proto = where.trustProxy ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() : undefined;
  if (proto === 'https' || proto === 'http') url.protocol = `${proto}:`;
  return url.origin;
}
