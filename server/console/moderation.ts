import type { ModerationChange } from '../../shared/console-card.ts';
import type { ModerationDecision, ModerationPage } from '../../shared/console-moderation.ts';
import { LIMITS } from '../../shared/limits.ts';
import { text, validate } from '../../shared/rules.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { ApiError } from '../http/api-error.ts';
import { newId } from '../ids.ts';
import { recordAudit } from '../audit/record.ts';
import type { Actor } from '../sessions/context.ts';
import { encodeCursor, type Position } from './cursor.ts';
import { type Scope, scopeCondition } from './scope.ts';

/**
 * Reviews awaiting a decision, oldest first (the longest-waiting author is served first), after
 * `after`; with how many wait in all.
 */
export async function moderationQueue(
  db: Db,
  scope: Scope,
  page: { after?: Position; limit: number },
): Promise<ModerationPage> {
  let q = db
    .selectFrom('reviews')
    .innerJoin('submissions', 'submissions.id', 'reviews.submission_id')
    .leftJoin('employees', 'employees.id', 'submissions.employee_id')
    .leftJoin('rating_subjects', 'rating_subjects.slug', 'submissions.subject')
    .select([
      'reviews.submission_id',
      'reviews.text',
      'reviews.created_at',
      'submissions.number',
      'submissions.score',
      'submissions.message',
      'submissions.name',
      'submissions.organization',
      'submissions.email',
      'submissions.subject',
      'rating_subjects.title as subject_title',
      'employees.slug as employee_slug',
      'employees.name as employee_name',
      'employees.position as employee_position',
    ])
    // A review is made only for a rating (ratings/intake.ts), and every rating has both.
    .$narrowType<{ score: number; subject: string }>()
    .where('reviews.status', '=', 'pending')
    .where(scopeCondition(scope))
    .orderBy('reviews.created_at')
    .orderBy('reviews.submission_id')
    .limit(page.limit + 1);
  if (page.after) {
    const { at, id } = page.after;
    q = q
      .where('reviews.created_at', '>=', at)
      .where((eb) => eb.or([eb('reviews.created_at', '>', at), eb('reviews.submission_id', '>', id)]));
  }
  const [rows, total] = await Promise.all([
    q.execute(),
    db
      .selectFrom('reviews')
      .innerJoin('submissions', 'submissions.id', 'reviews.submission_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('reviews.status', '=', 'pending')
      .where(scopeCondition(scope))
      .executeTakeFirstOrThrow(),
  ]);
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  const last = shown[shown.length - 1];
  return {
    items: shown.map((r) => ({
      submissionId: r.submission_id,
      number: r.number,
      score: r.score,
      comment: r.message,
      text: r.text,
      author: { name: r.name, organization: r.organization, email: r.email },
      employee: r.employee_slug
        ? { slug: r.employee_slug, name: r.employee_name ?? '', position: r.employee_position ?? null }
        : null,
      subject: r.subject,
      subjectTitle: r.subject_title ?? null,
      createdAt: r.created_at,
    })),
    nextCursor: more && last ? encodeCursor({ at: last.created_at, id: last.submission_id }) : null,
    total: Number(total.n),
  };
}

const approveSchema = { text: text({ max: LIMITS.commentMax }) };
const rejectSchema = { reason: text({ max: 1000, required: true }) };

/**
 * Takes a pending review out of the queue. Only a pending review can be decided (409 after
 * another moderator's decision); the update itself checks that, so two moderators racing
 * can't both win.
 */
async function decide(
  db: Db,
  clock: Clock,
  actor: Actor,
  submissionId: string,
  outcome: { decision: 'approved'; text?: string } | { decision: 'rejected'; reason: string },
): Promise<ModerationDecision> {
  const { decision } = outcome;
  const reason = outcome.decision === 'rejected' ? outcome.reason : null;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('reviews')
      .innerJoin('submissions', 'submissions.id', 'reviews.submission_id')
      .select([
        'reviews.status',
        'reviews.text',
        'submissions.number',
        'submissions.message',
        'submissions.type',
        'submissions.publish',
      ])
      .where('reviews.submission_id', '=', submissionId)
      .executeTakeFirst();
    if (!row) throw new ApiError(404, 'not_found');
    if (row.status !== 'pending') throw new ApiError(409, 'conflict');
    // Belt and braces: a review row exists only for a rating whose author allowed publication,
    // but whatever put a row there, nothing without that consent is ever published.
    if (decision === 'approved' && (row.type !== 'rating' || row.publish !== 1))
      throw new ApiError(409, 'conflict', { publish: 'consent' });

    const now = clock.now().toISOString();
    const published = outcome.decision === 'approved' ? (outcome.text ?? row.text) : row.text;
    const redacted = decision === 'approved' && published !== row.message;
    const r = await trx
      .updateTable('reviews')
      .set({
        status: decision,
        text: published,
        redacted: redacted ? 1 : 0,
        reason,
        decided_by: actor.user.id,
        decided_at: now,
        published_at: decision === 'approved' ? now : null,
      })
      .where('submission_id', '=', submissionId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new ApiError(409, 'conflict');

    const data: ModerationChange =
      outcome.decision === 'approved'
        ? { from: 'pending', to: 'approved', redacted }
        : { from: 'pending', to: 'rejected', reason: outcome.reason };
    await trx
      .insertInto('submission_events')
      .values({
        id: newId(),
        submission_id: submissionId,
        at: now,
        user_id: actor.user.id,
        type: 'moderation',
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
    // The audit line of a redaction holds the published text, not the original: the original
    // stays in the submission for the QMS, and the log shouldn't copy what was masked.
    if (redacted) await audit('review.redact', { text: published });
    await audit(
      decision === 'approved' ? 'review.approve' : 'review.reject',
      decision === 'approved' ? { redacted } : { reason },
    );
    return {
      submissionId,
      status: decision,
      text: published,
      redacted,
      reason,
      decidedAt: now,
      publishedAt: decision === 'approved' ? now : null,
    };
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

/** Rejects a pending review; the reason is required. */
export async function rejectReview(
  db: Db,
  clock: Clock,
  actor: Actor,
  submissionId: string,
  input: Record<string, unknown>,
) {
  const parsed = validate(rejectSchema, input);
  if (!parsed.success) throw new ApiError(422, 'validation', parsed.errors);
  return decide(db, clock, actor, submissionId, { decision: 'rejected', reason: parsed.data.reason });
}
