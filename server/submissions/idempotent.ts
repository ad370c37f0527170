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

/** Fields that differ between two sends of one message: the key itself and the spam defences. */
const NOT_THE_MESSAGE = new Set(['idempotencyKey', 'altcha', 'started', 'website']);

/**
 * The stored key of a request: the `Idempotency-Key` header, else the body's `idempotencyKey`,
 * scoped to its endpoint (a rating reusing a feedback message's key is a new rating), and to what
 * was sent: the same key with another message is another message, not the first one's answer (a
 * form kept by the browser's Back button, a widget's text edited after a lost answer), so nothing
 * sent is dropped; a field left empty is one not sent. Files don't count: a retry sends the same.
 * A key too long for the column is stored as its SHA-256.
 * @example requestKey('rating', 'k-1', undefined, { score: 5 }) // 'rating:k-1~' + 16 hex digits
 */
export function requestKey(
  scope: KeyScope,
  header: string | undefined,
  body: string | undefined,
  fields: Record<string, unknown>,
): string | undefined {
  const key = header?.trim().slice(0, 200) || body;
  if (!key) return undefined;
  const sent = Object.entries(fields)
    .filter(([name, value]) => !NOT_THE_MESSAGE.has(name) && value !== '' && value != null)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const message = createHash('sha256').update(JSON.stringify(sent)).digest('hex').slice(0, 16);
  const scoped = `${scope}:${key}~${message}`;
  return scoped.length <= 200 ? scoped : `${scope}#${createHash('sha256').update(`${key}~${message}`).digest('hex')}`;
}
