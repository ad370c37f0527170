import { sql } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { eraseFromDigests } from './erase-digests.ts';
import { eraseOutbox } from './erase-outbox.ts';
import { auditEventType, PERSONAL_AUDIT_ACTIONS, PERSONAL_EVENT_TYPES, redactEventData } from './redact.ts';

/** How many rows an erase changed or removed: what its audit line and the CLI report. */
export interface ErasedCounts {
  submissions: number;
  attachments: number;
  outbox: number;
  events: number;
}

export const NOTHING_ERASED: ErasedCounts = { submissions: 0, attachments: 0, outbox: 0, events: 0 };

export const addCounts = (a: ErasedCounts, b: ErasedCounts): ErasedCounts => ({
  submissions: a.submissions + b.submissions,
  attachments: a.attachments + b.attachments,
  outbox: a.outbox + b.outbox,
  events: a.events + b.events,
});

/** The client's personal fields of a submission, blanked; `message` is NOT NULL, so ''. */
const BLANK = {
  message: '',
  name: null,
  organization: null,
  inn: null,
  phone: null,
  email: null,
  page: null,
  consent_ip: null,
  consent_user_agent: null,
  // It names the message by a hash of its fields (submissions/idempotent.ts).
  idempotency_key: null,
} as const;

/**
 * Erases the personal data of these submissions, in the caller's transaction: the client's fields
 * (the message too: it names people), the consent record's IP and user agent (its version and
 * time stay: that a consent was given), the files, the search index's words, the words of the
 * history and audit lines exchanged with him or about him (redact.ts: replies, moderators' reasons,
 * nonconformities…), a complaint's free-text notes, stage 2's descriptions and tasks, its survey
 * link, a moderator's reason, the browser's rater key, and the e-mails about them (bodies and addresses; unsent ones
 * deleted). Kept: number, type, kind, channel, status, department, employee, dates, score,
 * classification, steps, stage 2's process, product and dates. A published review keeps its approved text on the site (its
 * author consented to that) without his name, unless `removeReviews` (his own request).
 */
export async function eraseSubmissions(
  trx: Db,
  clock: Clock,
  ids: string[],
  { removeReviews }: { removeReviews: boolean },
): Promise<ErasedCounts> {
  if (ids.length === 0) return NOTHING_ERASED;
  const now = clock.now().toISOString();
  // Read before they are blanked: the weekly digests name the clients of overdue complaints.
  const listed = await trx
    .selectFrom('submissions')
    .select(['number', 'name', 'organization'])
    .where('id', 'in', ids)
    .execute();
  const updated = await trx
    .updateTable('submissions')
    // Erased again (what was typed on it afterwards): it keeps the day it was first erased.
    .set({ ...BLANK, erased_at: sql<string>`coalesce(erased_at, ${now})` })
    .where('id', 'in', ids)
    .executeTakeFirst();
  const files = await trx.deleteFrom('attachments').where('submission_id', 'in', ids).executeTakeFirst();
  await trx.deleteFrom('rating_raters').where('submission_id', 'in', ids).execute();
  if (removeReviews) await trx.deleteFrom('reviews').where('submission_id', 'in', ids).execute();
  else {
    await trx
      .updateTable('reviews')
      .set({ text: '' })
      .where('submission_id', 'in', ids)
      .where('status', '!=', 'approved')
      .execute();
    // Why it was rejected or taken down: often the name or phone it held.
    await trx
      .updateTable('reviews')
      .set({ reason: '' })
      .where('submission_id', 'in', ids)
      .where('reason', 'is not', null)
      .execute();
  }
  await trx
    .updateTable('complaints')
    .set({ contact_position: null, correction_note: null, survey_token: null })
    .where('submission_id', 'in', ids)
    .execute();
  await trx.updateTable('complaint_steps').set({ comment: null }).where('complaint_id', 'in', ids).execute();
  // Stage 2's nonconformities as written about his case; their process, product, department and dates stay.
  await trx
    .updateTable('nonconformities')
    .set({ description: '', task: '' })
    .where('complaint_id', 'in', ids)
    .execute();
  const events = await redactHistory(trx, ids);
  const mails = await trx.selectFrom('outbox').select('id').where('submission_id', 'in', ids).execute();
  const outbox =
    (await eraseOutbox(
      trx,
      mails.map((m) => m.id),
    )) +
    (await eraseFromDigests(
      trx,
      listed.map((r) => ({ number: r.number, client: r.organization || r.name })),
    ));
  return {
    submissions: Number(updated.numUpdatedRows),
    attachments: Number(files.numDeletedRows),
    outbox,
    events,
  };
}

/** Blanks the personal words of the submissions' history events and the audit lines that copy them. */
async function redactHistory(trx: Db, ids: string[]): Promise<number> {
  const events = await trx
    .selectFrom('submission_events')
    .select(['id', 'type', 'data'])
    .where('submission_id', 'in', ids)
    .where('type', 'in', PERSONAL_EVENT_TYPES)
    .execute();
  let changed = 0;
  for (const e of events) {
    const data = JSON.stringify(redactEventData(e.type, JSON.parse(e.data)));
    if (data === e.data) continue;
    await trx.updateTable('submission_events').set({ data }).where('id', '=', e.id).execute();
    changed++;
  }
  const lines = await trx
    .selectFrom('audit_log')
    .select(['id', 'action', 'details'])
    .where('target_type', '=', 'submission')
    .where('target_id', 'in', ids)
    .where('action', 'in', PERSONAL_AUDIT_ACTIONS)
    .execute();
  for (const l of lines) {
    const details = JSON.stringify(redactEventData(auditEventType(l.action), JSON.parse(l.details)));
    if (details !== l.details) await trx.updateTable('audit_log').set({ details }).where('id', '=', l.id).execute();
  }
  return changed;
}
