import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { storedSecret } from '../abuse/hmac-key.ts';

/**
 * A browser an account has signed in from, remembered by a signed cookie, so that a stranger who
 * spends the account's wrong passwords locks out only strangers: the account's owner signs in from
 * his usual browser all the same, with an allowance of that browser's own, and all his browsers
 * together one of theirs (throttle.ts `device`, `devices`). Only the sign-in reads it (its path).
 * It holds the account's id, a random name for the browser and the day it was given, signed with
 * a key kept in `settings` over the account's password hash too: a changed or reset password ends
 * every browser remembered before, and one not used to sign in for half a year is a stranger again.
 */
export const DEVICE_COOKIE = 'otklik_device';
const DEVICE_KEY = 'device_hmac_key';
const LOGIN_PATH = '/api/admin/login';
const DAY_MS = 86_400_000;
const DEVICE_DAYS = 183;

/** A device cookie as it came, not yet checked: the account it names, its name, the day it was given. */
export interface DeviceClaim {
  userId: string;
  nonce: string;
  day: number;
  signature: string;
}

/** The account as the signature covers it: a new password hash is a new account to the cookie. */
type Account = { id: string; password_hash: string };

const mac = (key: string, account: Account, nonce: string, day: number) =>
  createHmac('sha256', key)
    .update(`device\n${account.id}\n${nonce}\n${day}\n${account.password_hash}`)
    .digest('base64url');

/** The request's device cookie, read but not checked (trustedDevice checks it); null for none or a malformed one. */
export function deviceClaim(c: Context): DeviceClaim | null {
  const parts = getCookie(c, DEVICE_COOKIE)?.split('.');
  if (parts?.length !== 4 || parts.some((p) => p === '' || p.length > 100)) return null;
  const [userId, nonce, day, signature] = parts as [string, string, string, string];
  return /^\d{1,6}$/.test(day) ? { userId, nonce, day: Number(day), signature } : null;
}

/**
 * The browser's name when its cookie is the server's, for this account as it is now, and given
 * within half a year; null otherwise (another account's, forged, from before a password change, old).
 */
export async function trustedDevice(
  db: Db,
  clock: Clock,
  claim: DeviceClaim,
  account: Account,
): Promise<string | null> {
  const today = Math.floor(clock.now().getTime() / DAY_MS);
  if (claim.userId !== account.id || claim.day > today || today - claim.day > DEVICE_DAYS) return null;
  const expected = Buffer.from(mac(await storedSecret(db, clock, DEVICE_KEY), account, claim.nonce, claim.day));
  const given = Buffer.from(claim.signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? claim.nonce : null;
}

/**
 * The cookie to give after a right password: the browser keeps the name it had for the account
 * (`nonce`, its failures stay counted), else gets a new one; dated today, so each sign-in keeps it
 * another half year.
 */
export async function deviceCookie(db: Db, clock: Clock, account: Account, nonce: string | null): Promise<string> {
  const name = nonce ?? randomBytes(16).toString('base64url');
  const day = Math.floor(clock.now().getTime() / DAY_MS);
  return `${account.id}.${name}.${day}.${mac(await storedSecret(db, clock, DEVICE_KEY), account, name, day)}`;
}

/** Sets the device cookie: HttpOnly, SameSite=Strict, sent only to the sign-in, Secure with an https PUBLIC_URL. */
export function setDeviceCookie(c: Context, publicUrl: string | undefined, value: string): void {
  setCookie(c, DEVICE_COOKIE, value, {
    httpOnly: true,
    sameSite: 'Strict',
    path: LOGIN_PATH,
    maxAge: DEVICE_DAYS * 86_400,
    secure: publicUrl?.startsWith('https:') ?? false,
  });
}
