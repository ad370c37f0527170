import { createHash } from 'node:crypto';
import type { Db } from '../db/connection.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { answerForKey } from './store.ts';

/**
 * Runs `create` once per idempotency key: a known key returns the first answer, and when two
 * requests with one key race, the loser meets the unique constraint and returns the winner's.
 */
export async function idempotent<A>(db: Db, key: string | undefined, create: () => Promise<A>): Promise<A> {
  if (key) {
    const first = await answerForKey(db, key);
    if (first) return first as A;
  }
  try {
    return await create();
  } catch (err) {
    if (key && isUniqueViolation(err)) {
      const first = await answerForKey(db, key);
      if (first) return first as A;
    }
    throw err;
  }
}

/** What a key is scoped to: the type of submission its endpoint makes. */
export type KeyScope = 'feedback' | 'rating';

/**
 * The stored key of a request: the `Idempotency-Key` header, else the body's `idempotencyKey`,
 * scoped to its endpoint, so a rating reusing a feedback message's key is a new rating and not
 * that message's answer. A key too long for the column with its scope is stored as its SHA-256.
 * @example requestKey('rating', 'k-1', undefined) // 'rating:k-1'
 */
export function requestKey(scope: KeyScope, header: string | undefined, body: string | undefined): string | undefined {
  const key = header?.trim().slice(0, 200) || body;
  if (!key) return undefined;
  const scoped = `${scope}:${key}`;
  return scoped.length <= 200 ? scoped : `${scope}#${createHash('sha256').update(key).digest('hex')}`;
}
