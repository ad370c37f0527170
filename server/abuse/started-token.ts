import { createHmac, timingSafeEqual } from 'node:crypto';
import { STARTED_TTL_MS } from './allowances.ts';

const mac = (key: string, at: number) => createHmac('sha256', key).update(`started:${at}`).digest('base64url');

/**
 * The hidden `started` field of a server-rendered form: when the page was made, signed, so a
 * post without JavaScript (no proof of work) still has a minimum fill time counted from it.
 * @example startedToken(key, clock.now()) // '1796461200000.Xk3…'
 */
export function startedToken(key: string, now: Date): string {
  const at = now.getTime();
  return `${at}.${mac(key, at)}`;
}

/** When the page of a `started` token was made, or null when the token is not ours or too old. */
export function readStarted(key: string, token: unknown, now: Date): number | null {
  if (typeof token !== 'string' || token.length > 100) return null;
  const m = /^(\d{1,15})\.([\w-]{43})$/.exec(token);
  if (!m) return null;
  const at = Number(m[1]);
  const expected = Buffer.from(mac(key, at));
  const given = Buffer.from(m[2]!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return at <= now.getTime() + 60_000 && now.getTime() - at < STARTED_TTL_MS ? at : null;
}
