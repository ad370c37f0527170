import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { reviewAuthor } from '../reviews/author.ts';
import { submissionRecord } from '../submissions/export.ts';
import { digestIdsListing, digestLinesAbout } from './erase-digests.ts';
import type { PersonKey } from './person-key.ts';

/** The submissions that name the person: his e-mail (any case) or his phone. */
export async function personSubmissionIds(db: Db, key: PersonKey): Promise<string[]> {
  const q = db.selectFrom('submissions').select('id').orderBy('created_at').orderBy('id');
  const rows = await ('email' in key
    ? q.where(sql<string>`lower(email)`, '=', key.email)
    : q.where('phone', '=', key.phone)
  ).execute();
  return rows.map((r) => r.id);
}

/**
 * The e-mails about the person: those of his submissions, and those sent to his address about
 * anything else (a JSON array of addresses, matched whole after a coarse LIKE).
 */
export async function personOutboxIds(db: Db, key: PersonKey, submissionIds: string[]): Promise<string[]> {
  const ids = new Set<string>();
  if (submissionIds.length > 0) {
    const own = await db.selectFrom('outbox').select('id').where('submission_id', 'in', submissionIds).execute();
    for (const r of own) ids.add(r.id);
  }
  if ('email' in key) {
    const to = await db
      .selectFrom('outbox')
      .select(['id', 'recipients'])
      .where(sql<string>`lower(recipients)`, 'like', `%${key.email}%`)
      .execute();
    // The address whole, bare or in «Name <address>»: galina@… is not also alina@….
    const his = (a: string) => [a.toLowerCase(), /<([^>]*)>\s*$/.exec(a)?.[1]?.toLowerCase()].includes(key.email);
    for (const r of to) if ((JSON.parse(r.recipients) as string[]).some(his)) ids.add(r.id);
  }
  return [...ids];
}

/**
 * Everything stored about the person, as `person export` prints it and the console shows it:
 * his submissions as `export` writes them (fields, consent record, files' names and sizes) with
 * their history (replies, calls, comments: the complaint's contacts with him) and a complaint's
 * contact details, his ratings' reviews as the site shows them, and the e-mails to him or about
 * him with their texts (of a weekly digest, the lines about his complaints).
 */
export async function exportPerson(db: Db, key: PersonKey) {
  const ids = await personSubmissionIds(db, key);
  const rows =
    ids.length === 0
      ? []
      : await db
          .selectFrom('submissions')
          .leftJoin('employees', 'employees.id', 'submissions.employee_id')
          .selectAll('submissions')
          .select('employees.slug as employee_slug')
          .where('submissions.id', 'in', ids)
          .orderBy('submissions.created_at')
          .execute();
  const numbers = rows.map((r) => r.number);
  // The weekly digests that listed his complaints, given as the lines about him alone.
  const digests = new Set(await digestIdsListing(db, numbers));
  const mailIds = [...(await personOutboxIds(db, key, ids)), ...digests];
  const within = <T>(list: string[], load: () => Promise<T[]>) => (list.length === 0 ? Promise.resolve([]) : load());
  const [files, events, complaints, reviews, mails] = await Promise.all([
    within(ids, () =>
      db
        .selectFrom('attachments')
        .select(['id', 'submission_id', 'filename', 'mime', 'size', 'sha256'])
        .where('submission_id', 'in', ids)
        .orderBy('created_at')
        .execute(),
    ),
    within(ids, () =>
      db
        .selectFrom('submission_events')
        .select(['submission_id', 'at', 'type', 'data'])
        .where('submission_id', 'in', ids)
        .orderBy('at')
        .execute(),
    ),
    within(ids, () =>
      db
        .selectFrom('complaints')
        .select(['submission_id', 'contact_position', 'survey_sent_at', 'survey_answered_at'])
        .where('submission_id', 'in', ids)
        .execute(),
    ),
    within(ids, () =>
      db
        .selectFrom('reviews')
        .select(['submission_id', 'status', 'text', 'reason', 'published_at'])
        .where('submission_id', 'in', ids)
        .execute(),
    ),
    within(mailIds, () =>
      db
        .selectFrom('outbox')
        .select(['id', 'submission_id', 'template', 'recipients', 'subject', 'text', 'status', 'created_at', 'sent_at'])
        .where('id', 'in', mailIds)
        .orderBy('created_at')
        .execute(),
    ),
  ]);
  return {
    key,
    submissions: rows.map((r) => {
      const c = complaints.find((x) => x.submission_id === r.id);
      return {
        ...submissionRecord(r, files),
        complaint: c
          ? {
              contactPosition: c.contact_position,
              surveySentAt: c.survey_sent_at,
              surveyAnsweredAt: c.survey_answered_at,
            }
          : null,
        review: reviewOf(
          r,
          reviews.find((x) => x.submission_id === r.id),
        ),
        history: events
          .filter((e) => e.submission_id === r.id)
          .map((e) => ({ at: e.at, type: e.type, data: JSON.parse(e.data) as unknown })),
      };
    }),
    emails: mails.map((m) => ({
      id: m.id,
      submissionId: m.submission_id,
      template: m.template,
      // A digest's recipients are the company's people, not his data.
      to: digests.has(m.id) ? [] : (JSON.parse(m.recipients) as string[]),
      subject: m.subject,
      text: digests.has(m.id) ? digestLinesAbout(m.text, numbers) : m.text,
      status: m.status,
      createdAt: m.created_at,
      sentAt: m.sent_at,
    })),
  };
}

/**
 * What the site shows, or was asked to show, of his rating as a review: its state, the text as
 * approved (a moderator may have masked it), the author as the site names him, when it was
 * published, and why it was rejected or taken down.
 */
function reviewOf(
  s: { name: string | null; organization: string | null },
  r: { status: string; text: string; reason: string | null; published_at: string | null } | undefined,
) {
  if (!r) return null;
  return {
    status: r.status,
    text: r.text,
    author: reviewAuthor('ru', s.name, s.organization),
    publishedAt: r.published_at,
    reason: r.reason,
  };
}

export type PersonExport = Awaited<ReturnType<typeof exportPerson>>;
