import { sql } from 'kysely';
import { type Db, dbKind, forgetOldPages } from '../db/connection.ts';

const INDEXES = ['submissions_fts', 'submissions_words'];

/**
 * `search optimize`: SQLite's search indexes rewritten whole. A deletion (FTS5's secure-delete,
 * migration 2026-12-22) takes an erased message's entries out of the index, but a word may stay
 * behind as one of its inner keys, linked to no message, until the index is merged; this merges it
 * now. Every write waits meanwhile: about a second per 100,000 messages here. Nothing to do on
 * PostgreSQL, whose search words live in the rows.
 * @example await optimizeSearch(db) // 'Search indexes rewritten in 0.8 s'
 */
export async function optimizeSearch(db: Db): Promise<string> {
  if (dbKind(db) !== 'sqlite') return 'Nothing to do on PostgreSQL: its search words are kept in the rows.';
  const started = performance.now();
  for (const t of INDEXES) await sql.raw(`INSERT INTO ${t}(${t}) VALUES('optimize')`).execute(db);
  const took = `Search indexes rewritten in ${((performance.now() - started) / 1000).toFixed(1)} s.`;
  return (await forgetOldPages(db))
    ? took
    : `${took} The database was busy: its write-ahead log still holds older pages; run this again when it is quieter.`;
}
