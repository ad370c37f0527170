import type { Selectable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { AttachmentTable, SubmissionTable } from '../db/schema.ts';

type FileMeta = Pick<Selectable<AttachmentTable>, 'id' | 'submission_id' | 'filename' | 'mime' | 'size' | 'sha256'>;

/**
 * One submission as `export` writes it: its type's public API field names, the consent record
 * and its files' metadata (of `files`, those that are its own). Also a person's export (server/privacy/).
 */
export function submissionRecord(r: Selectable<SubmissionTable> & { employee_slug: string | null }, files: FileMeta[]) {
  // Each type with the field names of its public API.
  const own =
    r.type === 'rating'
      ? {
          subject: r.subject,
          employee: r.employee_slug,
          score: r.score,
          comment: r.message === '' ? null : r.message,
          publish: r.publish === 1,
        }
      : { kind: r.kind, message: r.message, inn: r.inn, phone: r.phone };
  return {
    id: r.id,
    number: r.number,
    createdAt: r.created_at,
    type: r.type,
    ...own,
    status: r.status,
    channel: r.channel,
    name: r.name,
    organization: r.organization,
    email: r.email,
    page: r.page,
    lang: r.lang,
    consent: { version: r.consent_version, at: r.consent_at, ip: r.consent_ip, userAgent: r.consent_user_agent },
    attachments: files.filter((f) => f.submission_id === r.id).map(({ submission_id: _s, ...f }) => f),
    /** When its personal fields were erased (server/privacy/); null while kept. */
    erasedAt: r.erased_at,
  };
}

/**
 * Every stored submission as a plain object with the public API's field names, oldest first,
 * read in pages so a large database streams in constant memory.
 */
export async function* exportSubmissions(db: Db, pageSize = 500) {
  let after: { created_at: string; id: string } | undefined;
  for (;;) {
    let q = db
      .selectFrom('submissions')
      .leftJoin('employees', 'employees.id', 'submissions.employee_id')
      .selectAll('submissions')
      .select('employees.slug as employee_slug')
      .orderBy('submissions.created_at')
      .orderBy('submissions.id')
      .limit(pageSize);
    if (after) {
      const a = after;
      q = q.where((eb) =>
        eb.or([
          eb('submissions.created_at', '>', a.created_at),
          eb.and([eb('submissions.created_at', '=', a.created_at), eb('submissions.id', '>', a.id)]),
        ]),
      );
    }
    const rows = await q.execute();
    if (rows.length === 0) return;
    const files = await db
      .selectFrom('attachments')
      .select(['id', 'submission_id', 'filename', 'mime', 'size', 'sha256'])
      .where(
        'submission_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const r of rows) yield submissionRecord(r, files);
    const last = rows[rows.length - 1]!;
    after = { created_at: last.created_at, id: last.id };
  }
}
