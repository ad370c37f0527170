import { sql } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { limitedAs } from '../http/client-ip.ts';

const MINUTE = 60_000;

/** Passwords checked per key within the window; when they have all failed the key is locked. */
export const THROTTLE = {
  /** One account, from anywhere: guessing one person's password. */
  user: { failures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  /** One address, any accounts: trying a list of passwords across the staff. */
  ip: { failures: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  /**
   * One account from a browser it signed in from before (device.ts), in place of the two above:
   * strangers spending them don't lock its owner out, nor do others behind the same address.
   */
  device: { failures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  /** One account from all the browsers it signed in from, together: cookies kept from before can't multiply the guesses. */
  devices: { failures: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  /**
   * The current password asked again on the password form, within one session: a session left
   * open on a desk gets no more guesses than a stranger, and can't spend the account's five.
   */
  session: { failures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
} as const;

export type ThrottleKey = { kind: keyof typeof THROTTLE; key: string };

/**
 * The keys a sign-in attempt counts against; no IP key when the address is unknown; from a browser
 * the account signed in from before (`device`, its name), that browser's and the account's known
 * browsers' together instead.
 */
export function throttleKeys(email: string, ip: string | null, device: string | null = null): ThrottleKey[] {
  if (device)
    return [
      { kind: 'device', key: `device:${device}` },
      { kind: 'devices', key: `devices:${email}` },
    ];
  const keys: ThrottleKey[] = [{ kind: 'user', key: `user:${email}` }];
  if (ip) keys.push({ kind: 'ip', key: `ip:${limitedAs(ip)}` });
  return keys;
}

export type Reservation = { ok: true } | { ok: false; until: Date };

/**
 * Takes one of the key's slots before a password is checked, in a single upsert, so parallel
 * attempts on one or several instances can't all slip in before the first failure is counted
 * (issue 14: 77 of 100 parallel guesses used to be checked). `failures` counts the attempts of the
 * window that failed or are still being checked; a window that has run out, with no lock on it,
 * starts again at 1. A refused attempt gives its count back at once, so only checked passwords
 * are counted.
 */
export async function reserveAttempt(db: Db, clock: Clock, k: ThrottleKey): Promise<Reservation> {
  const rule = THROTTLE[k.kind];
  const now = clock.now();
  const nowIso = now.toISOString();
  const windowOpen = new Date(now.getTime() - rule.windowMs).toISOString();
  // Every SET expression sees the row as it was before this update, on SQLite and PostgreSQL alike.
  const stale = sql<boolean>`(auth_throttle.window_start <= ${windowOpen} and (auth_throttle.locked_until is null or auth_throttle.locked_until <= ${nowIso}))`;
  const row = await db
    .insertInto('auth_throttle')
    .values({ key: k.key, failures: 1, window_start: nowIso, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when ${stale} then 1 else auth_throttle.failures + 1 end`,
        window_start: sql<string>`case when ${stale} then ${nowIso} else auth_throttle.window_start end`,
        locked_until: sql<string | null>`case when ${stale} then null else auth_throttle.locked_until end`,
      }),
    )
    .returning(['failures', 'window_start', 'locked_until'])
    .executeTakeFirstOrThrow();
  const locked = row.locked_until !== null && row.locked_until > nowIso;
  if (!locked && Number(row.failures) <= rule.failures) return { ok: true };
  await releaseAttempt(db, k);
  // Slots all taken by attempts still being checked: if they fail, the lock runs from then.
  const windowEnd = new Date(row.window_start).getTime() + rule.windowMs;
  const lockEnd = locked ? new Date(row.locked_until!).getTime() : now.getTime() + rule.lockMs;
  return { ok: false, until: new Date(Math.max(windowEnd, lockEnd)) };
}

/** Gives a slot back: its password was right, or never checked because another key refused. */
export async function releaseAttempt(db: Db, k: ThrottleKey): Promise<void> {
  await db
    .updateTable('auth_throttle')
    .set({ failures: sql<number>`case when failures > 0 then failures - 1 else 0 end` })
    .where('key', '=', k.key)
    .execute();
}

/**
 * After a wrong password: locks the key once its window's slots are all spent on failures,
 * for `lockMs` from now. One statement, so of parallel failures exactly one starts the lock;
 * returns its end to that one only (for the audit log).
 */
export async function lockWhenSpent(db: Db, clock: Clock, k: ThrottleKey): Promise<Date | null> {
  const rule = THROTTLE[k.kind];
  const now = clock.now();
  const lockEnd = new Date(now.getTime() + rule.lockMs);
  const row = await db
    .updateTable('auth_throttle')
    .set({ locked_until: lockEnd.toISOString() })
    .where('key', '=', k.key)
    .where('failures', '>=', rule.failures)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now.toISOString())]))
    .returning('key')
    .executeTakeFirst();
  return row ? lockEnd : null;
}

/** A right password forgets the account's failures (not the address's). */
export async function clearFailures(db: Db, k: ThrottleKey): Promise<void> {
  await db.deleteFrom('auth_throttle').where('key', '=', k.key).execute();
}

/** How often one process forgets old keys: an attempt now and then pays for one DELETE. */
const PRUNE_EVERY_MS = 10 * MINUTE;
let prunedAt = 0;

/**
 * Forgets keys whose window ended a day ago and that hold no lock: every address, browser, session
 * and typed e-mail a guess came with kept a row for ever. Run by an attempt, at most every 10 minutes
 * in each process.
 */
export async function pruneThrottle(db: Db, clock: Clock): Promise<void> {
  const now = clock.now();
  if (Math.abs(now.getTime() - prunedAt) < PRUNE_EVERY_MS) return;
  prunedAt = now.getTime();
  const nowIso = now.toISOString();
  await db
    .deleteFrom('auth_throttle')
    .where('window_start', '<', new Date(now.getTime() - 24 * 60 * MINUTE).toISOString())
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowIso)]))
    .execute();
}
