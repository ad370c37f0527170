import type { Card, HistoryChange, HistoryEvent } from '../../shared/console-card.ts';
import type { CardUser } from '../../shared/console-types.ts';
import { loadComplaint } from '../complaints/load.ts';
import { complaintOfRating } from '../complaints/store.ts';
import type { Db } from '../db/connection.ts';
import type { SubmissionRow } from '../submissions/store.ts';
import type { ConsoleUser } from '../sessions/context.ts';
import { scopeCondition, scopeOf, visibleSubmission } from './scope.ts';

const who = (id: string | null, name: string | null): CardUser | null => (id ? { id, name: name ?? '' } : null);

/** A submission's history, oldest first: comments, changes, moderation decisions. */
async function submissionHistory(db: Db, submissionId: string): Promise<HistoryEvent[]> {
  const rows = await db
    .selectFrom('submission_events')
    .leftJoin('users', 'users.id', 'submission_events.user_id')
    .select([
      'submission_events.id',
      'submission_events.at',
      'submission_events.user_id',
      'users.name as user_name',
      'submission_events.type',
      'submission_events.data',
    ])
    .where('submission_events.submission_id', '=', submissionId)
    .orderBy('submission_events.at')
    .orderBy('submission_events.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    user: who(r.user_id, r.user_name),
    // Only card-changes.ts and moderation.ts write events, each through the type of what it writes.
    ...({ type: r.type, data: JSON.parse(r.data) } as HistoryChange),
  }));
}

/**
 * Everything the console's card shows of one submission: every field, its files (metadata),
 * the consent record, the e-mails sent about it, its history and its review. The caller has
 * already checked the `reader` may see it; the client's other messages are those he may see. A
 * complaint's time left is counted from `now`.
 */
export async function loadCard(db: Db, s: SubmissionRow, now: Date, reader: ConsoleUser): Promise<Card> {
  const [employee, department, subject, attachments, emails, history, review, complaint, ratingComplaint] =
    await Promise.all([
      s.employee_id
        ? db
            .selectFrom('employees')
            .select(['id', 'slug', 'name', 'position', 'active'])
            .where('id', '=', s.employee_id)
            .executeTakeFirst()
        : undefined,
      s.department_id
        ? db
            .selectFrom('departments')
            .select(['id', 'name', 'responsible_name', 'responsible_email'])
            .where('id', '=', s.department_id)
            .executeTakeFirst()
        : undefined,
      s.subject && s.subject !== 'employee'
        ? db.selectFrom('rating_subjects').select(['slug', 'title']).where('slug', '=', s.subject).executeTakeFirst()
        : undefined,
      db
        .selectFrom('attachments')
        .select(['id', 'filename', 'mime', 'size', 'sha256'])
        .where('submission_id', '=', s.id)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('outbox')
        .select([
          'id',
          'template',
          'recipients',
          'subject',
          'status',
          'attempts',
          'sent_at',
          'last_error',
          'created_at',
        ])
        .where('submission_id', '=', s.id)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      submissionHistory(db, s.id),
      db
        .selectFrom('reviews')
        .leftJoin('users', 'users.id', 'reviews.decided_by')
        .select([
          'reviews.status',
          'reviews.text',
          'reviews.redacted',
          'reviews.reason',
          'reviews.decided_by',
          'users.name as decided_by_name',
          'reviews.decided_at',
          'reviews.published_at',
          'reviews.created_at',
        ])
        .where('reviews.submission_id', '=', s.id)
        .executeTakeFirst(),
      s.kind === 'complaint' ? loadComplaint(db, s, now, scopeCondition(scopeOf(reader))) : null,
      s.type === 'rating' ? complaintOfRating(db, s.id, scopeCondition(scopeOf(reader))) : undefined,
    ]);
  return {
    id: s.id,
    number: s.number,
    type: s.type,
    kind: s.kind,
    status: s.status,
    channel: s.channel,
    createdAt: s.created_at,
    message: s.message,
    name: s.name,
    organization: s.organization,
    inn: s.inn,
    phone: s.phone,
    email: s.email,
    page: s.page,
    lang: s.lang,
    score: s.score,
    publish: s.type === 'rating' ? s.publish === 1 : null,
    subject: s.subject === null ? null : { slug: s.subject, title: subject?.title ?? null },
    employee: employee
      ? {
          id: employee.id,
          slug: employee.slug,
          name: employee.name,
          position: employee.position,
          active: employee.active === 1,
        }
      : null,
    department: department
      ? {
          id: department.id,
          name: department.name,
          responsibleName: department.responsible_name,
          responsibleEmail: department.responsible_email,
        }
      : null,
    consent: {
      version: s.consent_version,
      at: s.consent_at,
      ip: s.consent_ip,
      userAgent: s.consent_user_agent,
      ...(s.erased_at && { erasedAt: s.erased_at }),
    },
    attachments,
    emails: emails.map((e) => ({
      id: e.id,
      template: e.template,
      to: JSON.parse(e.recipients) as string[],
      subject: e.subject,
      status: e.status,
      attempts: e.attempts,
      createdAt: e.created_at,
      sentAt: e.sent_at,
      lastError: e.last_error,
    })),
    // The rating it was made of is named to a reader who may open it (loadComplaint), in its history too.
    history:
      complaint && !complaint.rating
        ? history.map((e) =>
            e.type === 'complaint' && e.data.rating ? { ...e, data: { ...e.data, rating: null } } : e,
          )
        : history,
    review: review
      ? {
          status: review.status,
          text: review.text,
          redacted: review.redacted === 1,
          reason: review.reason,
          decidedBy: who(review.decided_by, review.decided_by_name),
          decidedAt: review.decided_at,
          publishedAt: review.published_at,
          createdAt: review.created_at,
        }
      : null,
    complaint,
    complaintFromRating: ratingComplaint?.visible ? { id: ratingComplaint.id, number: ratingComplaint.number } : null,
    // Made, but gone where the reader can't follow: he is told so, not offered to make it again (a 409).
    complaintElsewhere: ratingComplaint !== undefined && !ratingComplaint.visible,
    answerBy: s.answer_due_at,
  };
}

/** The card of the submission of that id, as `reader` may see it (a 404 if he may not). */
export async function visibleCard(db: Db, reader: ConsoleUser, id: string, now: Date): Promise<Card> {
  return loadCard(db, await visibleSubmission(db, reader, id), now, reader);
}
