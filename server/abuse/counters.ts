import { sql } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';
import type { Logger } from '../ops/logger.ts';
import { countRefusal, type RefusalReason } from '../refusals.ts';

export interface Allowance {
  /** How many hits a key may have in one window. */
  max: number;
  windowMs: number;
}

export type CountResult = { allowed: true; hits: number } | { allowed: false; hits: number; retryAfterS: number };

/**
 * Counts one hit against `key` in a fixed window with a single upsert, so concurrent requests on
 * several instances can't lose or double a count, and says whether it is within the allowance.
 * A window that has run out starts again at 1. The hit is counted even when refused: a flood
 * keeps its key refused until the window ends.
 * @example const r = await countHit(db, clock, `ip:${ip}`, { max: 30, windowMs: 600_000 })
 */
export async function countHit(db: Db, clock: Clock, key: string, rule: Allowance): Promise<CountResult> {
  const now = clock.now();
  const nowIso = now.toISOString();
  const windowOpen = new Date(now.getTime() - rule.windowMs).toISOString();
  // Every SET expression sees the row as it was before this update, on SQLite and PostgreSQL alike.
  const stale = sql<boolean>`rate_counters.window_start <= ${windowOpen}`;
  const row = await db
    .insertInto('rate_counters')
    .values({ key, window_start: nowIso, hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when ${stale} then 1 else rate_counters.hits + 1 end`,
        window_start: sql<string>`case when ${stale} then ${nowIso} else rate_counters.window_start end`,
      }),
    )
    .returning(['hits', 'window_start'])
    .executeTakeFirstOrThrow();
  const hits = Number(row.hits);
  if (hits <= rule.max) return { allowed: true, hits };
  const ends = new Date(row.window_start).getTime() + rule.windowMs;
  return { allowed: false, hits, retryAfterS: Math.max(1, Math.ceil((ends - now.getTime()) / 1000)) };
}

/**
 * Gives back a hit counted for a request that did not go on (a sign-in that succeeded, say).
 * @example await releaseHit(db, `ip:${ip}`)
 */
export async function releaseHit(db: Db, key: string): Promise<void> {
  await db
    .updateTable('rate_counters')
    .set({ hits: sql<number>`case when hits > 0 then hits - 1 else 0 end` })
    .where('key', '=', key)
    .execute();
}

/**
 * Drops counters whose window ended long ago: two days outlast the longest allowance (a day's
 * acknowledgements). The submission guard calls it now and then.
 */
export async function pruneCounters(db: Db, clock: Clock, olderThanMs = 2 * 24 * 3600_000): Promise<void> {
  const before = new Date(clock.now().getTime() - olderThanMs).toISOString();
  await db.deleteFrom('rate_counters').where('window_start', '<', before).execute();
}

/**
 * Whether one more e-mail may be queued under `key`'s allowance (acknowledgements to a mailbox,
 * ratings of an employee): past it the message is stored as ever, only that e-mail is not queued,
 * counted as the refusal `reason`. Counted in the caller's transaction, so a submission that rolls
 * back takes its count back. RATE_LIMIT=0 turns it off.
 * @example if (await mailAllowed(trx, deps, `ack:${hash}`, ACKS_PER_ADDRESS, 'ack_capped')) await insertOutboxMessage(…)
 */
export async function mailAllowed(
  trx: Db,
  deps: { clock: Clock; config: Config; logger?: Logger | undefined },
  key: string,
  rule: Allowance,
  reason: RefusalReason,
): Promise<boolean> {
  if (deps.config.rateLimit <= 0) return true;
  const hit = await countHit(trx, deps.clock, key, rule);
  if (!hit.allowed) await countRefusal({ ...deps, db: trx }, reason);
  return hit.allowed;
}
