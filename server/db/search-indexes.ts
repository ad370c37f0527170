import { sql } from 'kysely';
import { type Db, dbKind } from './connection.ts';

/** SQLite's full-text indexes of the submissions (migrations 2026-11-25 and 2026-12-04). */
const SEARCH_INDEXES = ['submissions_fts', 'submissions_words'];

/**
 * Rewrites SQLite's search indexes whole. A deletion (FTS5's secure-delete, migration 2026-12-22)
 * takes an erased message's entries out of the index, but a word may stay behind as one of its
 * inner keys, linked to no message, until the index is merged; this merges it now. Every write
 * waits meanwhile: about a second per 100,000 messages here. Nothing to do on PostgreSQL, whose
 * search words live in the rows.
 */
export async function mergeSearchIndexes(db: Db): Promise<void> {
  if (dbKind(db) !== 'sqlite') return;
  for (const t of SEARCH_INDEXES) await sql.raw(`INSERT INTO ${t}(${t}) VALUES('optimize')`).execute(db);
}

/**
 * mergeSearchIndexes after an erase that has committed: a merge refused (another process holds
 * the file) must not make the erase look failed. Says whether it was done; `search optimize` does
 * it later.
 */
export async function mergeAfterErase(db: Db): Promise<boolean> {
  try {
    await mergeSearchIndexes(db);
    return true;
  } catch {
    return false;
  }
}
