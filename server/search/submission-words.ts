import { PostgresAdapter, type QueryExecutorProvider, type RawBuilder, sql } from 'kysely';
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
  await indexWords(db, sql`TRUE`);
}

/**
 * Writes the words of the submissions missing from SQLite's index and not queued for it (see
 * migration 2026-12-15-search-words-gaps). No-op on PostgreSQL.
 */
export async function indexMissingSubmissionWords(db: QueryExecutorProvider): Promise<void> {
  await indexWords(
    db,
    sql`rowid NOT IN (SELECT rowid FROM submissions_words) AND rowid NOT IN (SELECT submission_rowid FROM search_queue)`,
  );
}

async function indexWords(db: QueryExecutorProvider, which: RawBuilder<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  for (let after = 0; ; ) {
    const { rows } = await sql<WordFields & { rowid: number }>`
      SELECT rowid, message, name, organization, inn FROM submissions WHERE rowid > ${after} AND ${which}
      ORDER BY rowid LIMIT ${BATCH}`.execute(db);
    if (rows.length === 0) return;
    const values = rows.map((r) => sql`(${r.rowid}, ${submissionWords(r)})`);
    await sql`INSERT INTO submissions_words (rowid, words) VALUES ${sql.join(values)}`.execute(db);
    after = rows[rows.length - 1]!.rowid;
  }
}

/** Rows per statement: two parameters each, far below SQLite's limit of 32,766. */
const BATCH = 2000;
