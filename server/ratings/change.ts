import type { RatingAnswer } from '../../shared/api-answers.ts';
import type { Rating } from '../../shared/rating-schema.ts';
import { ratingAckText } from '../../shared/rating-texts.ts';
import { sql } from 'kysely';
import { type Db, dbKind } from '../db/connection.ts';
import type { RatingTargetRow } from '../directory/targets.ts';
import { newId } from '../ids.ts';
import { enqueueRatingMail, type RatingTarget, type RatingVersion } from '../mail/rating-mail.ts';
import type { SubmissionRow } from '../submissions/store.ts';
import type { RatingDeps, RatingMeta } from './rating-deps.ts';
import { CHANGE_WINDOW_MS } from './rater.ts';
import { ratingConsent } from '../privacy/rating-consent.ts';
import { complaintOfRating } from '../complaints/store.ts';

/**
 * The rating this browser gave the same employee or subject within the last day, if any: a second
 * send changes it instead of adding one. `lock` it for the change on PostgreSQL (SQLite's write
 * transaction already holds every other writer off): the browser and target's own lock, held to
 * the transaction's end, since a row lock holds nothing when there is no row yet, and two first
 * sends at once (a double tap, a retry) each inserted a rating of their own.
 */
export async function earlierRating(
  trx: Db,
  rater: string,
  target: RatingTargetRow,
  now: Date,
  { lock = false } = {},
): Promise<SubmissionRow | undefined> {
  let query = trx
    .selectFrom('submissions')
    .innerJoin('rating_raters', 'rating_raters.submission_id', 'submissions.id')
    .selectAll('submissions')
    .where('rating_raters.rater', '=', rater)
    .where('submissions.type', '=', 'rating')
    .where('submissions.created_at', '>', new Date(now.getTime() - CHANGE_WINDOW_MS).toISOString())
    .orderBy('submissions.created_at', 'desc')
    .limit(1);
  query =
    target.kind === 'employee'
      ? query.where('submissions.employee_id', '=', target.employee.id)
      : query.where('submissions.subject', '=', target.subject.slug).where('submissions.employee_id', 'is', null);
  if (lock && dbKind(trx) === 'postgres') {
    const what = target.kind === 'employee' ? `employee:${target.employee.id}` : `subject:${target.subject.slug}`;
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`rating:${rater}:${what}`}, 0))`.execute(trx);
  }
  return query.executeTakeFirst();
}

const versionOf = (s: Pick<SubmissionRow, 'score' | 'message' | 'publish'>): RatingVersion => ({
  score: s.score ?? 0,
  comment: s.message,
  publish: s.publish === 1,
});

/**
 * Changes the browser's earlier rating to what it sent now: the score and the publication consent
 * as now given; the comment and contacts too, except that blank ones keep what was written before
 * (a client who only changes his score loses nothing). The rating keeps its number and time; the
 * history gets the change, the manager (and the QMS) a message that it was changed, and a review
 * waiting for publication the new text. A send that changes nothing records and sends nothing.
 */
export async function changeRating(
  trx: Db,
  deps: RatingDeps,
  earlier: SubmissionRow,
  input: Rating,
  meta: RatingMeta,
  target: RatingTarget,
): Promise<RatingAnswer> {
  const now = deps.clock.now().toISOString();
  const next = {
    score: input.score,
    message: input.comment ?? earlier.message,
    publish: input.publish ? 1 : 0,
    name: input.name ?? earlier.name,
    organization: input.organization ?? earlier.organization,
    email: input.email ?? earlier.email,
  };
  const answer: RatingAnswer = {
    id: earlier.id,
    number: earlier.number,
    subject: input.subject,
    score: next.score,
    createdAt: earlier.created_at,
    ack: ratingAckText(meta.lang, deps.config.companyName, earlier.number, target.kind),
    changed: true,
  };
  const before = versionOf(earlier);
  const unchanged = (Object.keys(next) as Array<keyof typeof next>).every((k) => next[k] === earlier[k]);
  // Where he changed it, kept with the change and told with it; a page alone is no change.
  const page = input.page ?? earlier.page;
  if (unchanged) return answer;

  // New contacts come with the page's note that leaving them means consent to their processing;
  // a publication newly allowed is a consent too.
  const newContacts = Boolean(input.name || input.organization || input.email);
  const consent = ratingConsent(
    deps.config.consent.version,
    { contacts: newContacts, publish: Boolean(input.publish) && earlier.publish !== 1 },
    meta,
    now,
  );
  await trx
    .updateTable('submissions')
    .set({
      ...next,
      page,
      response: JSON.stringify(answer),
      // A publication consent alone keeps the version of an earlier contacts' consent.
      ...(consent && { ...consent, consent_version: consent.consent_version ?? earlier.consent_version }),
    })
    .where('id', '=', earlier.id)
    .execute();
  await keepReviewInStep(trx, earlier, next, now);
  // A complaint made of this rating hears of the change too: its client may have withdrawn it.
  const complaint = await complaintOfRating(trx, earlier.id);
  const change = JSON.stringify({ from: before, to: versionOf(next) });
  await trx
    .insertInto('submission_events')
    .values(
      [earlier.id, ...(complaint ? [complaint.id] : [])].map((submissionId) => ({
        id: newId(),
        submission_id: submissionId,
        at: now,
        user_id: null,
        type: 'rating',
        data: change,
      })),
    )
    .execute();
  await enqueueRatingMail(trx, deps, { ...earlier, ...next, page }, target, {
    previous: before,
    complaint,
  });
  return answer;
}

/**
 * A changed rating's review: consent withdrawn takes it out of moderation and off the site; a new
 * text waits for a moderator again (only approved words are published); a new score alone leaves
 * a decision as it was.
 */
async function keepReviewInStep(
  trx: Db,
  earlier: SubmissionRow,
  next: { message: string; publish: number },
  at: string,
) {
  const id = earlier.id;
  const review = await trx
    .selectFrom('reviews')
    .select('submission_id')
    .where('submission_id', '=', id)
    .executeTakeFirst();
  if (next.publish === 0) {
    if (review) await trx.deleteFrom('reviews').where('submission_id', '=', id).execute();
    return;
  }
  if (!review) {
    await trx
      .insertInto('reviews')
      .values({ submission_id: id, status: 'pending', text: next.message, redacted: 0, created_at: at })
      .execute();
    return;
  }
  // Compared with the client's own earlier words: the review may hold a moderator's redacted copy.
  if (next.message === earlier.message) return;
  await trx
    .updateTable('reviews')
    .set({
      status: 'pending',
      text: next.message,
      redacted: 0,
      reason: null,
      decided_by: null,
      decided_at: null,
      published_at: null,
    })
    .where('submission_id', '=', id)
    .execute();
}
