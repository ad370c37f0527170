import { PostgresAdapter, type QueryExecutorProvider, sql } from 'kysely';
import { searchWords } from './words.ts';

/** The fields searched by their words (e-mail, phone and number are searched as substrings only). */
export const WORD_FIELDS = ['message', 'name', 'organization', 'inn'] as const;

type WordFields = Record<(typeof WORD_FIELDS)[number], string | null>;

/** A submission's words as SQLite's index holds them: its stems, space-separated. */
export const submissionWords = (row: WordFields) =>
  searchWords(WORD_FIELDS.map((f) => row[f] ?? '').join('\n')).join(' ');

/**
 * Writes the words of every submission into SQLite's index, empty before (the migration that makes
 * it; after a VACUUM that renumbered rows, `DELETE FROM submissions_words` first), in batches
 * by rowid. No-op on PostgreSQL.
 * @example await indexAllSubmissionWords(db)
 */
export async function indexAllSubmissionWords(db: QueryExecutorProvider): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  for (let after = 0; ; ) {
    const { rows } = await sql<WordFields & { rowid: number }>`
      SELECT rowid, message, name, organization, inn FROM submissions WHERE rowid > ${after}
      ORDER BY rowid LIMIT ${BATCH}`.execute(db);
    if (rows.length === 0) return;
    const values = rows.map((r) => sql`(${r.rowid}, ${submissionWords(r)})`);
    await sql`INSERT INTO submissions_words (rowid, words) VALUES ${sql.join(values)}`.execute(db);
    after = rows[rows.length - 1]!.rowid;
  }
}

/** Rows per statement: two parameters each, far below SQLite's limit of 32,766. */
const BATCH = 2000;
