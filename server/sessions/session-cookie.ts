import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE } from './sessions.ts';

/**
 * HttpOnly keeps the token from scripts; SameSite=Lax keeps other sites' POSTs from carrying it
 * (the CSRF header is the second lock); Secure whenever the public address is https. No
 * Max-Age: closing the browser ends the session on a shared computer, the server ends it anyway.
 */
function options(publicUrl: string | undefined) {
  return { httpOnly: true, sameSite: 'Lax', path: '/', secure: publicUrl?.startsWith('https:') ?? false } as const;
}

export function setSessionCookie(c: Context, publicUrl: string | undefined, token: string): void {
  setCookie(c, SESSION_COOKIE, token, options(publicUrl));
}

export function clearSessionCookie(c: Context, publicUrl: string | undefined): void {
  deleteCookie(c, SESSION_COOKIE, options(publicUrl));
}
