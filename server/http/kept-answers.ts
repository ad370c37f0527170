import { changeStamp, type Db } from '../db/connection.ts';

/**
 * Answers kept until the database changes, for a public GET that many pages ask for and few
 * writes change (the published reviews on every page of the company's sites). Each answer is kept
 * with the database's change stamp taken before it was made, and served again only while the
 * stamp is the same: any write since, by this process or another, makes the next request make it
 * anew, so what is taken down is gone at once. On PostgreSQL, where other instances write without
 * a stamp, nothing is kept. At most `max` answers; past that the oldest is dropped.
 * @example const kept = keptAnswers(db); const body = await kept(key, () => makeBody())
 */
export function keptAnswers(db: Db, max = 500) {
  const kept = new Map<string, { stamp: string; body: string }>();
  const stampOf = changeStamp(db);
  return async (key: string, make: () => Promise<string>): Promise<string> => {
    const stamp = stampOf?.();
    if (!stamp) return make();
    const hit = kept.get(key);
    if (hit?.stamp === stamp) return hit.body;
    const body = await make();
    kept.delete(key);
    if (kept.size >= max) kept.delete(kept.keys().next().value!);
    kept.set(key, { stamp, body });
    return body;
  };
}
