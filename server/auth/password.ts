import { randomBytes, randomInt, scrypt } from 'node:crypto';
import { sameSecret } from '../sessions/same-secret.ts';

/** Passwords shorter than this are refused everywhere: console, CLI, first sign-in. */
export const PASSWORD_MIN = 10;
/** An upper bound only so nobody makes the server hash a megabyte. */
export const PASSWORD_MAX = 256;

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** 2^15 × 8 × 128 bytes = 32 MiB and about 70 ms a hash: OWASP's recommended scrypt floor. */
export const DEFAULT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // Node refuses more than 32 MiB by default, which is exactly what N=2^15, r=8 needs.
  const maxmem = 128 * cost.N * cost.r * 2 + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...cost, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/**
 * Hashes a password as a self-describing string, so the cost can be raised later without
 * invalidating stored hashes: `scrypt$N$r$p$salt$hash` (salt and hash in base64url).
 */
export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parse(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || (N & (N - 1)) !== 0 || N > 2 ** 20) return undefined;
  return { cost: { N, r, p }, salt: Buffer.from(parts[4]!, 'base64url'), key: Buffer.from(parts[5]!, 'base64url') };
}

/** Whether the password matches the stored hash; compared in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.key.length === 0) return false;
  const key = await derive(password, parsed.salt, parsed.cost);
  return sameSecret(key, parsed.key);
}

/**
 * Spends the same time as checking a real password, for an e-mail that has no account: an
 * answer that came faster would tell an attacker which addresses exist.
 */
export async function verifyDummy(password: string): Promise<false> {
  await derive(password, randomBytes(16), DEFAULT_COST);
  return false;
}

// No 0/O, 1/l/I: one-time passwords are read off a screen and typed by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A random password the user must replace at first sign-in: 16 characters, about 92 bits.
 * @example oneTimePassword() // 'q7Hk-mZ3p-Wx9e-Ra4T'
 */
export function oneTimePassword(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]!);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
