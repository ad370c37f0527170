import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { RATER_TOKEN } from '../../shared/rating-schema.ts';

/** The first-party cookie that keeps a browser's rater token on the rating page and the API. */
export const RATER_COOKIE = 'otklik_rater';

/** How long after a rating the same browser's next rating of the same target changes it. */
export const CHANGE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The SHA-256 of the browser's rater cookie, if it sends a well-formed one; sets nothing (a GET writes nothing). */
export function knownRater(c: Context): string | undefined {
  const cookie = getCookie(c, RATER_COOKIE);
  return cookie && RATER_TOKEN.test(cookie) ? sha256(cookie) : undefined;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Which browser rates, as the SHA-256 of its token (only the hash is stored): the cookie when the
 * browser sends one (the hosted page, with JavaScript or without), else the token the widget keeps
 * in its own site's localStorage (a cookie of ours is a third party's there), else a new one.
 * The cookie is set again for a day: a page reached later without JavaScript knows the browser.
 * A token is only an opaque key to the browser's own ratings: whoever makes one up changes nothing
 * but what was rated with it.
 */
export function raterOf(c: Context, sent: unknown, publicUrl: string | undefined): string {
  const token =
    [getCookie(c, RATER_COOKIE), sent].find((t): t is string => typeof t === 'string' && RATER_TOKEN.test(t)) ??
    randomBytes(18).toString('base64url');
  setCookie(c, RATER_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: publicUrl?.startsWith('https:') ?? false,
    maxAge: CHANGE_WINDOW_MS / 1000,
  });
  return sha256(token);
}
