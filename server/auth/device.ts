import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { storedSecret } from '../abuse/hmac-key.ts';

/**
 * A browser an account has signed in from, remembered by a signed cookie, so that a stranger who
 * spends the account's wrong passwords locks out only strangers: the account's owner signs in from
 * his usual browser all the same, with an allowance of that browser's own (throttle.ts `device`).
 * Only the sign-in reads it (its path); it holds no secret of the account, only the account's id
 * and a random name for the browser, signed with a key kept in `settings`.
 */
export const DEVICE_COOKIE = 'otklik_device';
const DEVICE_KEY = 'device_hmac_key';
const LOGIN_PATH = '/api/admin/login';
/** A browser not used to sign in for half a year is a stranger again. */
const DEVICE_MAX_AGE_S = 183 * 24 * 3600;

/** The account and the browser's own name, as a valid cookie gives them. */
export interface Device {
  userId: string;
  nonce: string;
}

const mac = (key: string, userId: string, nonce: string) =>
  createHmac('sha256', key).update(`device\n${userId}\n${nonce}`).digest('base64url');

/** The device the request's cookie names, when its signature holds; null for none or a forged one. */
export async function deviceOf(c: Context, db: Db, clock: Clock): Promise<Device | null> {
  const raw = getCookie(c, DEVICE_COOKIE);
  const parts = raw?.split('.');
  if (parts?.length !== 3 || parts.some((p) => p === '' || p.length > 100)) return null;
  const [userId, nonce, signature] = parts as [string, string, string];
  const expected = Buffer.from(mac(await storedSecret(db, clock, DEVICE_KEY), userId, nonce));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { userId, nonce } : null;
}

/**
 * After a right password: the browser is remembered for that account, under the name it already
 * had for it (its failures stay counted), else a new one; each sign-in keeps it another half year.
 */
export async function rememberDevice(
  c: Context,
  db: Db,
  clock: Clock,
  publicUrl: string | undefined,
  userId: string,
  had: Device | null,
): Promise<void> {
  const nonce = had?.userId === userId ? had.nonce : randomBytes(16).toString('base64url');
  const value = `${userId}.${nonce}.${mac(await storedSecret(db, clock, DEVICE_KEY), userId, nonce)}`;
  setCookie(c, DEVICE_COOKIE, value, {
    httpOnly: true,
    sameSite: 'Strict',
    path: LOGIN_PATH,
    maxAge: DEVICE_MAX_AGE_S,
    secure: publicUrl?.startsWith('https:') ?? false,
  });
}
