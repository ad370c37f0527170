import { LOW_SCORE } from '../../shared/complaint-process.ts';
import type { ModerationChange } from '../../shared/console-card.ts';
import type { ModerationDecision } from '../../shared/console-moderation.ts';
import { COMMENT_MAX } from '../../shared/limits.ts';
import { text, validate } from '../../shared/rules.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { ApiError } from '../http/api-error.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../sessions/context.ts';
import { closeRating } from '../audit/history.ts';

const approveSchema = { text: text({ max: COMMENT_MAX, lines: true }) };
const reasonSchema = { reason: text({ max: 1000, required: true, lines: true }) };

type Outcome =
  | { decision: 'approved'; text?: string | undefined }
  | { decision: 'rejected'; reason: string }
  | { decision: 'unpublished'; reason: string };

/** The review and its rating, as a decision needs them; 404 when there is no review. */
async function reviewOf(trx: Db, submissionId: string) {
  const row = await trx
    .selectFrom('reviews')
    .innerJoin('submissions', 'submissions.id', 'reviews.submission_id')
    .leftJoin('complaints', 'complaints.rating_id', 'submissions.id')
    .select([
      'reviews.status',
      'reviews.text',
      'reviews.redacted',
      'reviews.published_at',
      'submissions.number',
      'submissions.message',
      'submissions.type',
      'submissions.publish',
      'submissions.status as submission_status',
      'submissions.score',
      'complaints.submission_id as complaint_id',
    ])
    .where('reviews.submission_id', '=', submissionId)
    .executeTakeFirst();
  if (!row) throw new ApiError(404, 'not_found');
  return row;
}

/**
 * A decision on its review is the end of a rating's work, and closes it: the inbox shows what still
 * needs doing. All but a one- or two-star rating no complaint was made of yet: «жалобой считается
 * любое выражение недовольства», so it stays «Новое» until someone decides whether it is one.
 * A rating someone already took into work keeps its status.
 */
const closesRating = (r: { submission_status: string; score: number | null; complaint_id: string | null }) =>
  r.submission_status === 'new' && (r.score === null || r.score > LOW_SCORE || r.complaint_id !== null);

/**
 * Decides on a review: publishes or rejects a pending one, or takes a published one down again.
 * Only a review in the right state can be decided (409 after another moderator's decision); the
 * update itself checks that, so two moderators racing can't both win. The decision, the rating's
 * closing and their audit lines go in one transaction.
 */
async function decide(
  db: Db,
  clock: Clock,
  actor: Actor,
  submissionId: string,
  outcome: Outcome,
): Promise<ModerationDecision> {
  const { decision } = outcome;
  const from = decision === 'unpublished' ? 'approved' : 'pending';
  const reason = outcome.decision === 'approved' ? null : outcome.reason;
  return db.transaction().execute(async (trx) => {
    const row = await reviewOf(trx, submissionId);
    if (row.status !== from) throw new ApiError(409, 'conflict');
    // Belt and braces: a review row exists only for a rating whose author allowed publication,
    // but whatever put a row there, nothing without that consent is ever published.
    if (decision === 'approved' && (row.type !== 'rating' || row.publish !== 1))
      throw new ApiError(409, 'conflict', { publish: 'consent' });

    const now = clock.now().toISOString();
    const published = outcome.decision === 'approved' ? (outcome.text ?? row.text) : row.text;
    const redacted = decision === 'approved' ? published !== row.message : row.redacted === 1;
    const publishedAt = decision === 'approved' ? now : decision === 'unpublished' ? row.published_at : null;
    const r = await trx
      .updateTable('reviews')
      .set({
        status: decision,
        text: published,
        redacted: redacted ? 1 : 0,
        reason,
        decided_by: actor.user.id,
        decided_at: now,
        published_at: publishedAt,
      })
      .where('submission_id', '=', submissionId)
      .where('status', '=', from)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new ApiError(409, 'conflict');

    const change: ModerationChange =
      outcome.decision === 'approved'
        ? { from: 'pending', to: 'approved', redacted }
        : outcome.decision === 'rejected'
          ? { from: 'pending', to: 'rejected', reason: outcome.reason }
          : { from: 'approved', to: 'unpublished', reason: outcome.reason };
    const event = (type: 'moderation', data: unknown) =>
      trx
        .insertInto('submission_events')
        .values({
          id: newId(),
          submission_id: submissionId,
          at: now,
          user_id: actor.user.id,
          type,
          data: JSON.stringify(data),
        })
        .execute();
    const audit = (action: string, details: Record<string, unknown>) =>
      recordAudit(trx, clock, {
        user: actor.user,
        action,
        target: { type: 'submission', id: submissionId },
        details: { number: row.number, ...details },
        ip: actor.ip,
      });
    await event('moderation', change);
    // The audit line of a redaction holds the published text, not the original: the original
    // stays in the submission for the QMS, and the log shouldn't copy what was masked.
    if (decision === 'approved' && redacted) await audit('review.redact', { text: published });
    if (decision === 'approved') await audit('review.approve', { redacted });
    else await audit(decision === 'rejected' ? 'review.reject' : 'review.unpublish', { reason });

    if (decision !== 'unpublished' && closesRating(row))
      await closeRating(trx, clock, actor, { id: submissionId, number: row.number, status: row.submission_status });
    return { submissionId, status: decision, text: published, redacted, reason, decidedAt: now, publishedAt };
  });
}

/** Publishes a pending review, with `text` as its redacted version when given (blank: the score alone). */
export async function approveReview(
  db: Db,
  clock: Clock,
  actor: Actor,
  submissionId: string,
  input: Record<string, unknown>,
) {
  const parsed = validate(approveSchema, input);
  if (!parsed.success) throw new ApiError(422, 'validation', parsed.errors);
  // A blank text publishes no comment at all (only the score): when all of it is personal data.
  const blank = typeof input.text === 'string' && input.text.trim() === '';
  return decide(db, clock, actor, submissionId, { decision: 'approved', text: blank ? '' : parsed.data.text });
}

/** The reason a rejection or a take-down must give; 422 naming the field when it is missing. */
function reasonOf(input: Record<string, unknown>): string {
  const parsed = validate(reasonSchema, input);
  if (!parsed.success) throw new ApiError(422, 'validation', parsed.errors);
  return parsed.data.reason;
}

/** Rejects a pending review; the reason is required. */
export async function rejectReview(
  db: Db,
  clock: Clock,
  actor: Actor,
  submissionId: string,
  input: Record<string, unknown>,
) {
  return decide(db, clock, actor, submissionId, { decision: 'rejected', reason: reasonOf(input) });
}

/**
 * Takes a published review down (the client withdrew his consent, the employee left, it was
 * published by mistake); the reason is required. It leaves `/reviews`, the API and the widget at
 * once: they read the reviews table on every request.
 */
export async function unpublishReview(
  db: Db,
  clock: Clock,
  actor: Actor,
  submissionId: string,
  input: Record<string, unknown>,
) {
  return decide(db, clock, actor, submissionId, { decision: 'unpublished', reason: reasonOf(input) });
}
