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
 * Fields that may differ between two sends of one message: the key itself, the spam defences, the
 * page it was sent from and the browser's rater key (a rating page's form and the widget that takes
 * it over send the same draft with and without them).
 */
const NOT_THE_MESSAGE = new Set(['idempotencyKey', 'altcha', 'started', 'website', 'page', 'raterToken']);

/**
 * A field's value as any encoding sends it: JSON's `true` and `5` are a form's `'true'` (or a
 * checkbox's `'on'`) and `'5'`; texts trimmed, as the schemas take them. Empty is not sent.
 */
function asSent(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value !== 'string') return JSON.stringify(value);
  const text = value.trim();
  return text === '' ? null : text === 'on' ? 'true' : text;
}

/**
 * The stored key of a request: the `Idempotency-Key` header, else the body's `idempotencyKey`,
 * scoped to its endpoint (a rating reusing a feedback message's key is a new rating), and to what
 * was sent: the same key with another message is another message, not the first one's answer (a
 * form kept by the browser's Back button, a widget's text edited after a lost answer), so nothing
 * sent is dropped. The same message is the same whether it came as JSON or a form (asSent); its
 * files count by their content, so a file added on a second send is not dropped with it.
 * A key too long for the column is stored as its SHA-256.
 * @example requestKey('rating', 'k-1', undefined, { score: 5 }) // 'rating:k-1~' + 16 hex digits
 */
export function requestKey(
  scope: KeyScope,
  header: string | undefined,
  body: string | undefined,
  fields: Record<string, unknown>,
  files: ReadonlyArray<{ sha256: string }> = [],
): string | undefined {
  const key = header?.trim().slice(0, 200) || body;
  if (!key) return undefined;
  const sent = Object.entries(fields)
    .map(([name, value]) => [name, asSent(value)] as const)
    .filter(([name, value]) => !NOT_THE_MESSAGE.has(name) && value !== null)
    .concat(
      files.length > 0
        ? [
            [
              'files',
              files
                .map((f) => f.sha256)
                .sort()
                .join(' '),
            ],
          ]
        : [],
    )
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const message = createHash('sha256').update(JSON.stringify(sent)).digest('hex').slice(0, 16);
  const scoped = `${scope}:${key}~${message}`;
  return scoped.length <= 200 ? scoped : `${scope}#${createHash('sha256').update(`${key}~${message}`).digest('hex')}`;
}
