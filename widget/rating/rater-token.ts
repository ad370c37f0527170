import { newIdempotencyKey } from '../shared/idempotency-key.ts';

const KEY = 'otklik-rater';

/**
 * This browser's token for its ratings, kept in the site's localStorage: the server changes the
 * browser's earlier rating of the same employee or subject (within a day) instead of adding one.
 * A cookie of the Otklik server would be a third party's on a company's site, which browsers drop.
 * Undefined where storage is refused (a sandboxed frame, some private modes): every send counts then.
 * @example raterToken() // '3b241101e2bb42558caf4136c566a962'
 */
export function raterToken(): string | undefined {
  try {
    const kept = localStorage.getItem(KEY);
    if (kept) return kept;
    const token = newIdempotencyKey();
    localStorage.setItem(KEY, token);
    return token;
  } catch {
    return undefined;
  }
}
