import type SqliteDatabase from 'better-sqlite3';
import { submissionWords } from './submission-words.ts';

interface Queued {
  rowid: number;
  message: string;
  name: string | null;
  organization: string | null;
  inn: string | null;
}

/**
 * Writes the submissions queued by SQLite's triggers (migration 2026-12-13-search-at-commit) into
 * both search indexes, the substrings' and the words', and empties the queue: run before every
 * COMMIT of the file, so that each commit adds one segment to each index rather than one per
 * submission. Synchronous, on the file itself, as the commit is. Does nothing before that
 * migration has made the queue (or after it was undone).
 * @example new RetryingSqliteDialect(file, { beforeCommit: searchQueue(file) })
 */
export function searchQueue(file: SqliteDatabase.Database): { due(): boolean; run(): void } {
  const hasQueue = file.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_queue'`).pluck();
  let sql: ReturnType<typeof prepare> | undefined;
  const due = () => {
    if (!hasQueue.get()) return false;
    sql ??= prepare(file);
    return sql.any.get() !== undefined;
  };
  return {
    due,
    run() {
      if (!due()) return;
      const rows = sql!.queued.all() as Queued[];
      sql!.substrings.run();
      for (const r of rows) sql!.words.run(r.rowid, submissionWords(r));
      sql!.clear.run();
    },
  };
}

function prepare(file: SqliteDatabase.Database) {
  const from = 'FROM search_queue q JOIN submissions s ON s.rowid = q.submission_rowid';
  return {
    any: file.prepare('SELECT 1 FROM search_queue LIMIT 1').pluck(),
    queued: file.prepare(`SELECT s.rowid AS rowid, s.message, s.name, s.organization, s.inn ${from}`),
    substrings: file.prepare(`INSERT INTO submissions_fts (rowid, number, message, name, organization, email, phone)
      SELECT s.rowid, s.number, s.message, s.name, s.organization, s.email, s.phone ${from}`),
    words: file.prepare('INSERT INTO submissions_words (rowid, words) VALUES (?, ?)'),
    clear: file.prepare('DELETE FROM search_queue'),
  };
}
