import type { Kysely } from 'kysely';
import { indexMissingSubmissionWords } from '../../search/submission-words.ts';

// SQLite's words index (2026-12-04-search-words) could lose a submission before
// 2026-12-13-search-at-commit: a client's change of a rating rewrote the submission's text, the
// words trigger took the row out of the index, and nothing wrote its words again. Such a row was
// found by a substring, not by another form of a word. 2026-12-13 holds that a row not queued is in
// both indexes, so these gaps outlived it; this writes their words (the substring index was kept
// whole by its triggers). Found by a review of the change (December 2026). PostgreSQL: nothing
// to do. Like 2026-12-04-search-words, it imports the stemmer's server/search/submission-words.ts.

export async function up(db: Kysely<any>): Promise<void> {
  await indexMissingSubmissionWords(db);
}

/** The words written are right whichever migrations stand: nothing to undo. */
export async function down(): Promise<void> {}
