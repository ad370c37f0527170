import { sql } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';

const MINUTE = 60_000;

/** Failed sign-ins allowed per key within the window before the key is locked. */
export const THROTTLE = {
  /** One account, from anywhere: guessing one person's password. */
  user: { failures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  /** One address, any accounts: trying a list of passwords across the staff. */
  ip: { failures: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
} as const;

export type ThrottleKey = { kind: keyof typeof THROTTLE; key: string };

/** The keys a sign-in attempt counts against; no IP key when the address is unknown. */
export function throttleKeys(email: string, ip: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ kind: 'user', key: `user:${email}` }];
  if (ip) keys.push({ kind: 'ip', key: `ip:${ip}` });
  return keys;
}

/** The latest end of a lock on any of the keys, or null when none is locked now. */
export async function lockedUntil(db: Db, clock: Clock, keys: ThrottleKey[]): Promise<Date | null> {
  const now = clock.now().toISOString();
  const rows = await db
    .selectFrom('auth_throttle')
    .select('locked_until')
    .where(
      'key',
      'in',
      keys.map((k) => k.key),
    )
    .where('locked_until', '>', now)
    .execute();
  const ends = rows.map((r) => r.locked_until!).sort();
  return ends.length > 0 ? new Date(ends[ends.length - 1]!) : null;
}

/**
 * Counts one failure against the key in a single upsert, so concurrent attempts on several
 * instances can't lose a count. A window that has run out starts again at 1. Returns the end
 * of the lock when this failure started one.
 */
export async function recordFailure(db: Db, clock: Clock, k: ThrottleKey): Promise<Date | null> {
  const rule = THROTTLE[k.kind];
  const now = clock.now();
  const nowIso = now.toISOString();
  const windowOpen = new Date(now.getTime() - rule.windowMs).toISOString();
  const lockEnd = new Date(now.getTime() + rule.lockMs).toISOString();
  // Every SET expression sees the row as it was before this update, on SQLite and PostgreSQL alike.
  const stale = sql<boolean>`auth_throttle.window_start <= ${windowOpen}`;
  const failures = sql<number>`case when ${stale} then 1 else auth_throttle.failures + 1 end`;
  const row = await db
    .insertInto('auth_throttle')
    .values({ key: k.key, failures: 1, window_start: nowIso, locked_until: rule.failures <= 1 ? lockEnd : null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures,
        window_start: sql<string>`case when ${stale} then ${nowIso} else auth_throttle.window_start end`,
        locked_until: sql<string | null>`case when ${failures} >= ${rule.failures} then ${lockEnd} else null end`,
      }),
    )
    .returning(['failures', 'locked_until'])
    .executeTakeFirstOrThrow();
  return row.failures === rule.failures && row.locked_until === lockEnd ? new Date(lockEnd) : null;
}

/** A successful sign-in forgets the account's failures (not the address's). */
export async function clearFailures(db: Db, k: ThrottleKey): Promise<void> {
  await db.deleteFrom('auth_throttle').where('key', '=', k.key).execute();
}
