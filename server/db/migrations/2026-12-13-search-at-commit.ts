import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { submissionWords } from '../../search/submission-words.ts';
import { createSubstringTriggers } from './2026-11-25-search.ts';
import { createWordTriggers } from './2026-12-04-search-words.ts';

// SQLite's two search indexes of submissions (2026-11-25-search, 2026-12-04-search-words) are
// written once per commit instead of once per row. FTS5 writes the rows it holds in memory as a
// segment of its own whenever a savepoint opens, and each submission runs in one (the group
// commit's member, a statement with triggers): a segment per submission, about 90 µs of a
// complaint's writes (issue 12 «Speed»). Now a write of a submission only queues its rowid in
// `search_queue`; the queue is indexed just before the transaction commits
// (server/search/search-queue.ts), so a committed submission is always found, and a group of them
// makes one segment. A queued row is in neither index yet, which the triggers below rely on: an
// edit or a deletion takes a row out of the indexes only when it is there.
// PostgreSQL indexes in its own way (GIN): nothing changes there.
//
// Like 2026-12-04-search-words, `down` imports the stemmer's server/search/submission-words.ts.

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

const SUBSTRINGS = ['number', 'message', 'name', 'organization', 'email', 'phone'];
const cols = SUBSTRINGS.join(', ');
const olds = SUBSTRINGS.map((c) => `old.${c}`).join(', ');
const queued = (rowid: string) => `EXISTS (SELECT 1 FROM search_queue WHERE submission_rowid = ${rowid})`;

const OLD_TRIGGERS = [
  'submissions_fts_insert',
  'submissions_fts_delete',
  'submissions_fts_update',
  'submissions_words_delete',
  'submissions_words_update',
];
const NEW_TRIGGERS = ['submissions_search_insert', 'submissions_search_update', 'submissions_search_delete'];

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await sql.raw('CREATE TABLE search_queue (submission_rowid INTEGER PRIMARY KEY)').execute(db);
  for (const t of OLD_TRIGGERS) await sql.raw(`DROP TRIGGER ${t}`).execute(db);
  await sql
    .raw(`CREATE TRIGGER submissions_search_insert AFTER INSERT ON submissions BEGIN
      INSERT INTO search_queue (submission_rowid) VALUES (new.rowid); END`)
    .execute(db);
  // Every searched field of both indexes; a row already queued is indexed as it is at the commit.
  await sql
    .raw(`CREATE TRIGGER submissions_search_update
      AFTER UPDATE OF ${cols}, inn ON submissions WHEN NOT ${queued('old.rowid')} BEGIN
      INSERT INTO submissions_fts(submissions_fts, rowid, ${cols}) VALUES ('delete', old.rowid, ${olds});
      DELETE FROM submissions_words WHERE rowid = old.rowid;
      INSERT INTO search_queue (submission_rowid) VALUES (new.rowid); END`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER submissions_search_delete AFTER DELETE ON submissions BEGIN
      INSERT INTO submissions_fts(submissions_fts, rowid, ${cols})
        SELECT 'delete', old.rowid, ${olds} WHERE NOT ${queued('old.rowid')};
      DELETE FROM submissions_words WHERE rowid = old.rowid;
      DELETE FROM search_queue WHERE submission_rowid = old.rowid; END`)
    .execute(db);
}

type Queued = { rowid: number; message: string; name: string | null; organization: string | null; inn: string | null };

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  const { rows } = await sql<Queued>`
    SELECT s.rowid AS rowid, s.message, s.name, s.organization, s.inn
    FROM search_queue q JOIN submissions s ON s.rowid = q.submission_rowid`.execute(db);
  await sql
    .raw(`INSERT INTO submissions_fts(rowid, ${cols})
      SELECT s.rowid, ${SUBSTRINGS.map((c) => `s.${c}`).join(', ')}
      FROM search_queue q JOIN submissions s ON s.rowid = q.submission_rowid`)
    .execute(db);
  for (const r of rows)
    await sql`INSERT INTO submissions_words (rowid, words) VALUES (${r.rowid}, ${submissionWords(r)})`.execute(db);
  for (const t of NEW_TRIGGERS) await sql.raw(`DROP TRIGGER ${t}`).execute(db);
  await sql.raw('DROP TABLE search_queue').execute(db);
  await createSubstringTriggers(db);
  await createWordTriggers(db);
}
