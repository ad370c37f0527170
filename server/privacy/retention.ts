import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { type Db, forgetOldPages } from '../db/connection.ts';
import { mergeAfterErase } from '../db/search-indexes.ts';
import { addCounts, type ErasedCounts, eraseSubmissions, NOTHING_ERASED } from './erase-submissions.ts';
import { PERSONAL_EVENT_TYPES } from './redact.ts';

const DAY = 86_400_000;
/** Sent e-mails keep their bodies (copies of the client's data) this long: enough to answer «did it go out?». */
export const OUTBOX_BODY_DAYS = 30;
const BATCH = 200;

/**
 * Submissions whose personal data are due for erasing at `cutoff` (closed longer ago than the
 * period), not yet erased, `limit` of them:
 * - feedback (thanks, suggestions, complaints) whose status is «Закрыто», counted from its
 *   closing — a complaint's `closed_at`, otherwise its last status change (a submission reopened
 *   since is not closed);
 * - ratings, counted from their creation: a rating is a one-off act nothing is answered to; a
 *   complaint made of it carries the contacts on and, while it is open, keeps the rating too.
 */
export async function expiredSubmissions(db: Db, cutoff: string, limit = BATCH): Promise<string[]> {
  const rows = await db
    .selectFrom('submissions as s')
    .leftJoin('complaints as c', 'c.submission_id', 's.id')
    .select('s.id')
    .where('s.erased_at', 'is', null)
    .where('s.created_at', '<', cutoff)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('s.type', '=', 'feedback'),
          eb('s.status', '=', 'closed'),
          eb.or([eb('c.closed_at', 'is', null), eb('c.closed_at', '<', cutoff)]),
          eb.not(
            eb.exists(
              eb
                .selectFrom('submission_events as e')
                .select('e.id')
                .whereRef('e.submission_id', '=', 's.id')
                .where('e.type', '=', 'status')
                .where('e.at', '>=', cutoff),
            ),
          ),
        ]),
        eb.and([
          eb('s.type', '=', 'rating'),
          eb.not(
            eb.exists(
              eb
                .selectFrom('complaints as rc')
                .select('rc.submission_id')
                .whereRef('rc.rating_id', '=', 's.id')
                .where('rc.closed_at', 'is', null),
            ),
          ),
        ]),
      ]),
    )
    .orderBy('s.created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Words typed on a submission after its client's data was erased (a complaint still open when he
 * asked: a comment, a reason, a call's summary) are erased by the next run, as the rest was: the
 * submissions whose history gained such an event since `since` (the runs before took the older ones).
 */
async function eraseWrittenSince(db: Db, clock: Clock, since: string): Promise<ErasedCounts> {
  const rows = await db
    .selectFrom('submission_events as e')
    .innerJoin('submissions as s', 's.id', 'e.submission_id')
    .select('s.id')
    .distinct()
    .where('s.erased_at', 'is not', null)
    .whereRef('e.at', '>', 's.erased_at')
    .where('e.at', '>=', since)
    .where('e.type', 'in', PERSONAL_EVENT_TYPES)
    .execute();
  if (rows.length === 0) return NOTHING_ERASED;
  const ids = rows.map((r) => r.id);
  const counts = await db.transaction().execute((trx) => eraseSubmissions(trx, clock, ids, { removeReviews: false }));
  // The submissions were counted when they were erased; what is new here is the history's words.
  return { ...NOTHING_ERASED, events: counts.events };
}

export interface RetentionSummary extends ErasedCounts {
  /** Sent e-mails whose bodies were blanked after OUTBOX_BODY_DAYS. */
  mailBodies: number;
}

/**
 * One run of the retention job: erases the personal data of every submission closed longer ago
 * than `days` (null: none), a batch per transaction so a restart resumes where it stopped, blanks
 * the bodies of e-mails sent more than OUTBOX_BODY_DAYS ago, and writes one audit line with the
 * counts (never the data).
 */
export async function runRetention(db: Db, clock: Clock, days: number | null): Promise<RetentionSummary> {
  const now = clock.now().getTime();
  let erased = NOTHING_ERASED;
  if (days !== null) {
    const cutoff = new Date(now - days * DAY).toISOString();
    for (;;) {
      const ids = await expiredSubmissions(db, cutoff);
      if (ids.length === 0) break;
      const counts = await db
        .transaction()
        .execute((trx) => eraseSubmissions(trx, clock, ids, { removeReviews: false }));
      erased = addCounts(erased, counts);
    }
  }
  erased = addCounts(erased, await eraseWrittenSince(db, clock, new Date(now - 2 * DAY).toISOString()));
  const bodies = await db
    .updateTable('outbox_bodies')
    .set({ html: '', text: '' })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox_state')
        .select('id')
        .where('status', '=', 'sent')
        .where('sent_at', '<', new Date(now - OUTBOX_BODY_DAYS * DAY).toISOString()),
    )
    .where((eb) => eb.or([eb('html', '!=', ''), eb('text', '!=', '')]))
    .executeTakeFirst();
  const summary = { ...erased, mailBodies: Number(bodies.numUpdatedRows) };
  await recordAudit(db, clock, { user: null, action: 'privacy.retention', details: { days, ...summary } });
  // The erased words among the search index's inner keys; then the WAL's older pages, best
  // effort: the next run's checkpoint finishes what a busy one left.
  if (summary.submissions > 0) await mergeAfterErase(db);
  if (summary.submissions > 0 || summary.mailBodies > 0) await forgetOldPages(db);
  return summary;
}
