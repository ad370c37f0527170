import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (v: string | Uint8Array) => createHash('sha256').update(v).digest();

/**
 * Whether two secrets (tokens, derived keys) are equal, in time that tells nothing about where
 * they differ. Both are hashed first: `timingSafeEqual` needs buffers of one length, and a
 * token's length in characters is not its length in bytes (a non-ASCII character made the CSRF
 * check throw, a 500, in issue 10); equal digests of equal length also hide the secret's length.
 * @example sameSecret(c.req.header('x-csrf-token') ?? '', session.csrf_token)
 */
export function sameSecret(a: string | Uint8Array, b: string | Uint8Array): boolean {
  return timingSafeEqual(digest(a), digest(b));
}
