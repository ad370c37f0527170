import type { WeeklyControl } from '../../../shared/console-reports.ts';
import type { Period } from '../../../shared/report-periods.ts';
import type { Clock } from '../../clock.ts';
import { createdAt, type Db } from '../../db/connection.ts';
import type { Config } from '../../env.ts';
import { insertOutboxMessage } from '../../mail/outbox-store.ts';
import { weeklyDigest } from '../../mail/templates/weekly-digest.ts';
import { eraseFromDigests } from '../../privacy/erase-digests.ts';
import { digestMark, dueDigestWeek, weekEnd } from './digest-week.ts';

/** Builds the whole company's weekly control of a week (server/reports/weekly-control.ts at merge). */
export type WeekBuilder = (week: Period) => Promise<WeeklyControl>;

export interface DigestDeps {
  clock: Clock;
  config: Pick<Config, 'qmsEmail' | 'publicUrl' | 'port' | 'companyName'>;
  build: WeekBuilder;
  /** Who queued it, kept in the mark's row for people reading the table. */
  holder: string;
}

/**
 * Queues the digest that is due now (digest-week.ts) to the QMS, if no instance has yet. The mark
 * `digest:<week>` in `job_leases` and the outbox row are written in one transaction, and only by
 * the one whose insert of the mark took (ON CONFLICT DO NOTHING): of any number of instances and
 * restarts, one digest per week. Returns the week queued, or null.
 */
export async function sendDueDigest(db: Db, deps: DigestDeps): Promise<Period | null> {
  const now = deps.clock.now();
  const week = dueDigestWeek(now);
  if (!week) return null;
  const name = digestMark(week);
  // Only spares building the report every look: the insert below is what decides.
  const marked = await db.selectFrom('job_leases').select('name').where('name', '=', name).executeTakeFirst();
  if (marked) return null;
  // A brand-new install doesn't mail the QMS a control of the week before Otklik ran.
  if (Date.parse(await createdAt(db)) >= weekEnd(week)) return null;
  // Built before the transaction, which on SQLite holds the only writer while it lasts.
  const control = await deps.build(week);
  const mail = weeklyDigest(control, deps.config);
  const queued = await db.transaction().execute(async (trx) => {
    const mark = await trx
      .insertInto('job_leases')
      // A mark, not a lease: nobody claims it, `last_run` says when the digest was queued.
      .values({ name, holder: deps.holder, until: now.toISOString(), last_run: now.toISOString() })
      .onConflict((oc) => oc.column('name').doNothing())
      .returning('name')
      .executeTakeFirst();
    if (!mark) return false;
    await insertOutboxMessage(trx, deps.clock, {
      template: 'weekly-digest',
      submissionId: null,
      to: deps.config.qmsEmail,
      replyTo: [],
      mail,
    });
    // A client erased while the week was being built (outside this transaction): his name is taken out as from a digest already queued.
    const listed = control.overdue.map((o) => o.id);
    if (listed.length > 0) {
      const erased = await trx
        .selectFrom('submissions')
        .select('id')
        .where('id', 'in', listed)
        .where('erased_at', 'is not', null)
        .execute();
      const gone = new Set(erased.map((r) => r.id));
      await eraseFromDigests(
        trx,
        control.overdue.filter((o) => gone.has(o.id)),
      );
    }
    return true;
  });
  return queued ? week : null;
}
