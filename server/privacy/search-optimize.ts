import { type Db, dbKind, forgetOldPages } from '../db/connection.ts';
import { mergeSearchIndexes } from '../db/search-indexes.ts';

/**
 * `search optimize`: SQLite's search indexes rewritten whole (mergeSearchIndexes), and the WAL's
 * older pages let go. A person's erase and a retention run that erased something do this
 * themselves; the command is for data erased by a version that did not.
 * @example await optimizeSearch(db) // 'Search indexes rewritten in 0.8 s'
 */
export async function optimizeSearch(db: Db): Promise<string> {
  if (dbKind(db) !== 'sqlite') return 'Nothing to do on PostgreSQL: its search words are kept in the rows.';
  const started = performance.now();
  await mergeSearchIndexes(db);
  const took = `Search indexes rewritten in ${((performance.now() - started) / 1000).toFixed(1)} s.`;
  return (await forgetOldPages(db))
    ? took
    : `${took} The database was busy: its write-ahead log still holds older pages; run this again when it is quieter.`;
}
