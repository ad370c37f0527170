import { asciiAddress } from './ascii-address.ts';
import type { Db } from '../db/connection.ts';
import { contentTypeOf } from '../submissions/store.ts';
import { MailSendError } from './mail-error.ts';
import { messageIdOf } from './message-id.ts';
import type { OutboxRow } from './outbox-store.ts';
import { headersOf, type OutgoingAttachment, type OutgoingMail } from './mail-transport.ts';

/** Builds the messages of outbox rows, with their bodies and their attachments' content read from the database. */
export async function loadOutgoingMail(
  db: Db,
  rows: readonly OutboxRow[],
  options: { from: string; now: Date },
): Promise<OutgoingMail[]> {
  const bodies = new Map(
    (
      await db
        .selectFrom('outbox_bodies')
        .selectAll()
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    ).map((b) => [b.id, b]),
  );
  const parents = await threadParents(db, rows, options.from);
  // Domains in punycode, as mail servers take them (ascii-address.ts); stored and shown as written.
  const from = asciiAddress(options.from);
  const out: OutgoingMail[] = [];
  for (const row of rows) {
    const body = bodies.get(row.id);
    if (!body) throw new MailSendError(`outbox message ${row.id} has no body`, { permanent: true });
    out.push({
      id: row.id,
      messageId: row.message_id ?? messageIdOf(row.id, options.from),
      createdAt: row.created_at,
      date: options.now,
      from,
      to: (JSON.parse(row.recipients) as string[]).map(asciiAddress),
      replyTo: row.reply_to
        ? row.reply_to
            .split(',')
            .map((a) => a.trim())
            .filter(Boolean)
            .map(asciiAddress)
        : [],
      subject: row.subject,
      html: body.html,
      text: body.text,
      attachments: await loadAttachments(db, row),
      headers: headersOf(row.template),
      inReplyTo: parents.get(row.id) ?? null,
    });
  }
  return out;
}

/**
 * The Message-ID each message follows up, by outbox id: the first earlier message of its
 * submission to the same recipients (the client's acknowledgement before the reply and the
 * survey, the assignment before the reminders, a manager's first rating before its change), so
 * that mail readers show one conversation. One query for the whole round.
 */
async function threadParents(db: Db, rows: readonly OutboxRow[], from: string): Promise<Map<string, string>> {
  const submissions = [...new Set(rows.map((r) => r.submission_id).filter((id): id is string => id !== null))];
  if (submissions.length === 0) return new Map();
  const all = await db
    .selectFrom('outbox_state')
    .select(['id', 'submission_id', 'recipients', 'message_id'])
    .where('submission_id', 'in', submissions)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const parents = new Map<string, string>();
  for (const row of rows) {
    if (!row.submission_id) continue;
    const first = all.find((o) => o.submission_id === row.submission_id && o.recipients === row.recipients);
    if (first && first.id !== row.id) parents.set(row.id, first.message_id ?? messageIdOf(first.id, from));
  }
  return parents;
}

async function loadAttachments(db: Db, row: OutboxRow): Promise<OutgoingAttachment[]> {
  const ids = JSON.parse(row.attachment_ids) as string[];
  if (ids.length === 0) return [];
  const found = await db
    .selectFrom('attachments')
    .select(['id', 'filename', 'mime', 'content'])
    .where('id', 'in', ids)
    .execute();
  return ids.map((id) => {
    const a = found.find((f) => f.id === id);
    // Erased on request (152-ФЗ) or by retention while the message waited: never send it without.
    if (!a) throw new MailSendError(`attachment ${id} no longer exists`, { permanent: true });
    return { filename: a.filename, contentType: contentTypeOf(a.mime), content: a.content };
  });
}
