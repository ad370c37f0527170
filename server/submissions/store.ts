import { readFile } from 'node:fs/promises';
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { SubmissionTable } from '../db/schema.ts';
import { newId } from '../ids.ts';

export type SubmissionRow = Selectable<SubmissionTable>;

/**
 * An attachment whose type was recognised by its content, ready to be stored with its submission;
 * its content waits in a temporary file (http/multipart.ts) until then.
 */
export interface InspectedFile {
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  path: string;
}

/**
 * Stores a submission and its files, read from their temporary files one at a time; returns the
 * attachments' metadata (content stays in the database).
 */
export async function insertSubmission(trx: Db, row: Insertable<SubmissionTable>, files: InspectedFile[]) {
  // SQLite's search indexes take it at the commit (search/search-queue.ts).
  await trx.insertInto('submissions').values(row).execute();
  const meta = files.map(({ path: _p, ...m }) => ({ ...m, id: newId() }));
  for (const [i, file] of files.entries()) {
    await trx
      .insertInto('attachments')
      .values({
        id: meta[i]!.id,
        submission_id: row.id,
        filename: file.filename,
        mime: file.mime,
        size: file.size,
        sha256: file.sha256,
        content: await readFile(file.path),
        created_at: row.created_at,
      })
      .execute();
  }
  return meta;
}

/** The first answer given for an idempotency key, if any. */
export async function answerForKey(db: Db, key: string): Promise<unknown | undefined> {
  const row = await db
    .selectFrom('submissions')
    .select('response')
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return row ? JSON.parse(row.response) : undefined;
}

/** The date of answer the client was told when his message came, from its stored answer (older answers had none). */
export function promisedAnswer(s: Pick<SubmissionRow, 'response'>): string | null {
  try {
    const { answerBy } = JSON.parse(s.response) as { answerBy?: unknown };
    return typeof answerBy === 'string' ? answerBy : null;
  } catch {
    return null;
  }
}

export async function findSubmission(db: Db, id: string): Promise<SubmissionRow | undefined> {
  return db.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A stored file's type as a download or an attachment states it: text is kept only when it is
 * valid UTF-8 (feedback/attachments.ts), so it says so; without a charset a mail reader may show the
 * Cyrillic of a .txt as ASCII garbage.
 * @example contentTypeOf('text/plain') // 'text/plain; charset=utf-8'
 */
export const contentTypeOf = (mime: string): string => (mime.startsWith('text/') ? `${mime}; charset=utf-8` : mime);
