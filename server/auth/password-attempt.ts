import type { Logger } from '../ops/logger.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { countRefusal } from '../refusals.ts';
import {
  clearFailures,
  lockWhenSpent,
  pruneThrottle,
  releaseAttempt,
  reserveAttempt,
  type ThrottleKey,
} from './throttle.ts';

export type AttemptResult =
  | { status: 'locked'; until: Date }
  | { status: 'right' }
  | { status: 'wrong'; locks: { key: ThrottleKey; until: Date }[] };

/**
 * The only way a password is checked (sign-in, password change, any to come): a slot is taken on
 * every key first, so however many attempts arrive at once, on however many instances, at most
 * the allowance of each key is ever checked; a key without a slot refuses the attempt before the
 * password is looked at, so the right one doesn't open a lock early. `check` answers whether the
 * attempt succeeds. A right one forgets the account's failures and gives the address's slot back;
 * a wrong one keeps its slots and may lock the keys (returned, for the audit log).
 * @example const r = await attemptPassword(db, clock, throttleKeys(email, ip), () => verifyPassword(pw, hash));
 */
export async function attemptPassword(
  db: Db,
  clock: Clock,
  keys: ThrottleKey[],
  check: () => Promise<boolean>,
  /** The server's log, for a lock-out that could not be counted; none in tests. */
  logger?: Logger,
): Promise<AttemptResult> {
  await pruneThrottle(db, clock);
  const taken: ThrottleKey[] = [];
  const giveBack = async () => {
    for (const k of taken) await releaseAttempt(db, k);
  };
  for (const k of keys) {
    const r = await reserveAttempt(db, clock, k);
    if (!r.ok) {
      await giveBack();
      await countRefusal({ db, clock, logger }, 'sign_in_locked');
      return { status: 'locked', until: r.until };
    }
    taken.push(k);
  }
  let right: boolean;
  try {
    right = await check();
  } catch (err) {
    await giveBack();
    throw err;
  }
  if (right) {
    for (const k of keys) await (k.kind === 'ip' ? releaseAttempt(db, k) : clearFailures(db, k));
    return { status: 'right' };
  }
  const locks: { key: ThrottleKey; until: Date }[] = [];
  for (const k of keys) {
    const until = await lockWhenSpent(db, clock, k);
    if (until) locks.push({ key: k, until });
  }
  return { status: 'wrong', locks };
}
