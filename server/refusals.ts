import type { Logger } from 'pino';
import { sql } from 'kysely';
import type { Clock } from './clock.ts';
import type { Db } from './db/connection.ts';

/**
 * Why a request was refused, as the console counts them (issues 10 and 14). Only the reason and
 * the day are kept, never what was sent.
 */
export const REFUSAL_REASONS = [
  /** A public post without a proof-of-work solution. */
  'pow_missing',
  /** A solution that is wrong, expired or signed by another key. */
  'pow_invalid',
  /** A solution already used once. */
  'pow_reused',
  /** Sent sooner after the form opened than a person could fill it. */
  'too_fast',
  /** The hidden field only bots fill. */
  'honeypot',
  /** Too many posts from one address. */
  'rate_ip',
  /** A rating's e-mails not sent (the rating stored): its employee or subject had the hour's share. */
  'rate_target',
  /** An acknowledgement not sent: its address had its day's share. */
  'ack_capped',
  /** A body larger than the endpoint takes. */
  'too_large',
  /** A state-changing request from a site not in ALLOWED_ORIGINS. */
  'origin',
  /** A sign-in refused while the account or address is locked. */
  'sign_in_locked',
] as const;

export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Where a refusal is counted, and the server's log for a count that fails (none in tests: stderr). */
export interface RefusalDeps {
  db: Db;
  clock: Clock;
  logger?: Logger | undefined;
}

/**
 * Counts one refusal for today (UTC) in a single upsert. Never throws: counting must not turn a
 * clear 4xx into a 5xx, so a failure to count is only logged.
 * @example await countRefusal(deps, 'rate_ip')
 */
export async function countRefusal({ db, clock, logger }: RefusalDeps, reason: RefusalReason): Promise<void> {
  const day = clock.now().toISOString().slice(0, 10);
  try {
    await db
      .insertInto('refusals')
      .values({ day, reason, count: 1 })
      .onConflict((oc) => oc.columns(['day', 'reason']).doUpdateSet({ count: sql<number>`refusals.count + 1` }))
      .execute();
  } catch (err) {
    if (logger) logger.child({ component: 'refusals' }).error({ err, reason }, 'refusal not counted');
    else console.error(`[refusals] could not count ${reason}: ${(err as Error).message}`);
  }
}

/** Refusals by day and reason since a day (inclusive), newest day first. */
export async function listRefusals(db: Db, sinceDay: string) {
  const rows = await db
    .selectFrom('refusals')
    .select(['day', 'reason', 'count'])
    .where('day', '>=', sinceDay)
    .orderBy('day', 'desc')
    .orderBy('reason')
    .execute();
  return rows.map((r) => ({ day: r.day, reason: r.reason as RefusalReason, count: Number(r.count) }));
}
