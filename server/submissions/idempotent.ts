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

/** The key of a request: the `Idempotency-Key` header, else the body's `idempotencyKey`. */
export const requestKey = (header: string | undefined, body: string | undefined) =>
  header?.trim().slice(0, 200) || body;
