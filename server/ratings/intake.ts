import type { RatingAnswer } from '../../shared/api-answers.ts';
import { ratingAckText } from '../../shared/rating-texts.ts';
import { type Rating, ratingSchema } from '../../shared/rating-schema.ts';
import { validate } from '../../shared/rules.ts';
import type { Db } from '../db/connection.ts';
import { findRatingTarget, type RatingTargetRow } from '../directory/targets.ts';
import { ApiError } from '../http/api-error.ts';
import { tooLongNamed } from '../http/length-limits.ts';
import { newId } from '../ids.ts';
import { enqueueRatingMail, type RatingTarget } from '../mail/rating-mail.ts';
import { idempotent, requestKey } from '../submissions/idempotent.ts';
import { decoyNumber, lateRegistrationNumber, withNumber } from '../submissions/registration-number.ts';
import { insertSubmission } from '../submissions/store.ts';
import { NO_CONSENT, ratingConsent } from '../privacy/rating-consent.ts';
import { changeRating, earlierRating } from './change.ts';
import { countRefusal } from '../refusals.ts';
import type { RatingDeps, RatingMeta } from './rating-deps.ts';

/**
 * The active employee or subject a rating is about, or the 422 naming the field at fault: an
 * unknown or inactive employee is never rated.
 */
export async function resolveTarget(db: Db, subject: string, employee: string | undefined): Promise<RatingTargetRow> {
  if (subject === 'employee') {
    if (!employee) throw new ApiError(422, 'validation', { employee: 'required' });
    const target = await findRatingTarget(db, employee);
    if (target?.kind !== 'employee' || !target.employee.active)
      throw new ApiError(422, 'validation', { employee: 'employee' });
    return target;
  }
  const target = await findRatingTarget(db, subject);
  if (target?.kind !== 'subject' || !target.subject.active)
    throw new ApiError(422, 'validation', { subject: 'subject' });
  return target;
}

const mailTarget = (t: RatingTargetRow): RatingTarget =>
  t.kind === 'employee'
    ? {
        kind: 'employee',
        name: t.employee.name,
        position: t.employee.position,
        department: t.department,
        managerName: t.employee.manager_name,
        managerEmail: t.employee.manager_email,
      }
    : {
        kind: 'subject',
        slug: t.subject.slug,
        title: t.subject.title,
        titleEn: t.subject.title_en,
        recipients: JSON.parse(t.subject.recipients) as string[],
      };

/**
 * Takes one rating. Only this — a POST — records a rating: rating links and pages opened by GET
 * or HEAD (mail scanners open them all) never do. One rating per browser, employee or subject and
 * day: a second send within a day of the first changes it (change.ts). Stored with its e-mails in
 * one transaction.
 */
export async function acceptRating(
  deps: RatingDeps,
  fields: Record<string, unknown>,
  meta: RatingMeta,
): Promise<RatingAnswer> {
  const parsed = validate(ratingSchema, fields);
  if (!parsed.success)
    throw new ApiError(422, 'validation', parsed.errors, { named: tooLongNamed(parsed.errors, meta.lang) });
  const input = parsed.data;
  const now = deps.clock.now();
  const target = await resolveTarget(deps.db, input.subject, input.employee);
  if (input.website) {
    await countRefusal(deps, 'honeypot');
    const number = decoyNumber(now, 'ratings');
    return {
      id: newId(),
      number,
      subject: input.subject,
      score: input.score,
      createdAt: now.toISOString(),
      ack: ratingAckText(meta.lang, deps.config.companyName, number, target.kind),
    };
  }
  const key = requestKey('rating', meta.idempotencyKey, input.idempotencyKey, fields);
  return idempotent(deps.db, key, async () => {
    let stored = false;
    const answer = await deps.db.transaction().execute(async (trx) => {
      const earlier = await earlierRating(trx, meta.rater, target, now, { lock: true });
      stored = !earlier;
      return earlier
        ? changeRating(trx, deps, earlier, input, meta, mailTarget(target))
        : newRating(trx, deps, input, { ...meta, key, now }, target);
    });
    deps.onMailQueued();
    if (stored) deps.onStored?.('rating', input.channel ?? 'site');
    return answer;
  });
}

/** Stores a rating the browser hasn't made before (today): its number, the review to moderate, the e-mails. */
async function newRating(
  trx: Db,
  deps: RatingDeps,
  input: Rating,
  meta: RatingMeta & { key: string | undefined; now: Date },
  target: RatingTargetRow,
): Promise<RatingAnswer> {
  const id = newId();
  // Made under a mark, numbered last: the counter's lock is held for as little as can be.
  const late = await lateRegistrationNumber(trx, meta.now, 'ratings');
  const number = late.mark;
  const createdAt = meta.now.toISOString();
  const answer: RatingAnswer = {
    id,
    number,
    subject: input.subject,
    score: input.score,
    createdAt,
    ack: ratingAckText(meta.lang, deps.config.companyName, number, target.kind),
  };
  // The page tells the client that leaving contacts means consent to their processing.
  const gaveContacts = Boolean(input.name || input.organization || input.email);
  const row = {
    id,
    number,
    type: 'rating' as const,
    kind: 'rating',
    channel: input.channel ?? 'site',
    message: input.comment ?? '',
    name: input.name ?? null,
    organization: input.organization ?? null,
    inn: null,
    phone: null,
    email: input.email ?? null,
    page: input.page ?? null,
    lang: meta.lang,
    ...(ratingConsent(
      deps.config.consent.version,
      { contacts: gaveContacts, publish: input.publish },
      meta,
      createdAt,
    ) ?? NO_CONSENT),
    idempotency_key: meta.key ?? null,
    response: JSON.stringify(answer),
    created_at: createdAt,
    score: input.score,
    subject: input.subject,
    employee_id: target.kind === 'employee' ? target.employee.id : null,
    department_id: target.kind === 'employee' ? target.employee.department_id : null,
    publish: input.publish ? 1 : 0,
    erased_at: null,
    answer_due_at: null,
  };
  await insertSubmission(trx, row, []);
  await trx.insertInto('rating_raters').values({ submission_id: id, rater: meta.rater }).execute();
  // Only a rating whose author allowed publication ever enters moderation.
  if (input.publish) {
    await trx
      .insertInto('reviews')
      .values({ submission_id: id, status: 'pending', text: row.message, redacted: 0, created_at: createdAt })
      .execute();
  }
  await enqueueRatingMail(trx, deps, { ...row, status: 'new' }, mailTarget(target));
  return withNumber(answer, late, await late.settle(id));
}
