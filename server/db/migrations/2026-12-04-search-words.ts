import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { indexAllSubmissionWords } from '../../search/submission-words.ts';

// Search by words beside the substring search of 2026-11-25-search: Russian word forms («Ивана»
// finds «Иван», «жалобы» finds «жалоба»), words under three characters («1С», «ИП») and the ИНН.
// Searched: message, name, organisation, ИНН (e-mail, phone and number stay substring-only).
//
// Unlike the other migrations this one imports application code, server/search/: SQLite can't
// stem, so the words of the rows already there must be written by the very function that writes
// every new row's words (a copy would drift from it). server/search/ imports only kysely and the
// stemmer: nothing of the application's schema or other code.

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * The triggers that drop a row's words when it is deleted or its searched fields change (replaced
 * by a queue in 2026-12-13-search-at-commit, whose `down` makes them again).
 */
export async function createWordTriggers(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`CREATE TRIGGER submissions_words_delete AFTER DELETE ON submissions BEGIN
      DELETE FROM submissions_words WHERE rowid = old.rowid; END`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER submissions_words_update AFTER UPDATE OF message, name, organization, inn ON submissions BEGIN
      DELETE FROM submissions_words WHERE rowid = old.rowid; END`)
    .execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    // A stored tsvector, not an expression index: the inbox walks the newest submissions checking
    // each against the words, and to_tsvector per row made that 5x slower. Computed as a generated
    // column (one rewrite of the table), then kept by a trigger instead, so that inserting a copy
    // of a row read whole (selectAll) sets it again rather than failing. Its `russian`
    // configuration stems Cyrillic words with the same Snowball stemmer and drops the same stop
    // words as server/search/words.ts. The statistics track more words, so that the planner knows
    // which are rare (server/console/search.ts looks those up first).
    const words = (row = '') =>
      `to_tsvector('russian'::regconfig, ${row}message || E'\\n' || coalesce(${row}name, '') || E'\\n' ||
      coalesce(${row}organization, '') || E'\\n' || coalesce(${row}inn, ''))`;
    await sql
      .raw(`ALTER TABLE submissions ADD COLUMN search_words tsvector GENERATED ALWAYS AS (${words()}) STORED`)
      .execute(db);
    await sql.raw('ALTER TABLE submissions ALTER COLUMN search_words DROP EXPRESSION').execute(db);
    await sql.raw('ALTER TABLE submissions ALTER COLUMN search_words SET STATISTICS 1000').execute(db);
    await sql
      .raw(`CREATE FUNCTION submissions_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN NEW.search_words := ${words('NEW.')}; RETURN NEW; END $$`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER submissions_search_words BEFORE INSERT OR UPDATE OF message, name, organization, inn
        ON submissions FOR EACH ROW EXECUTE FUNCTION submissions_search_words()`)
      .execute(db);
    await sql.raw('CREATE INDEX submissions_words ON submissions USING gin (search_words)').execute(db);
    return;
  }
  // A contentless FTS5 table keyed by the submission's rowid: the application writes each row's
  // stems (server/search/submission-words.ts), already lower case, so the tokenizer only splits
  // them (no diacritics folded: «й» is not «и»). A query needs each word anywhere, never a phrase,
  // so the index keeps no positions (detail=none: at 1M rows 22 MB instead of 38, and quicker).
  // contentless_delete lets the triggers drop a row's words when the row is deleted or its searched
  // fields change; the application then writes the new ones in the same transaction.
  await sql
    .raw(
      `CREATE VIRTUAL TABLE submissions_words USING fts5(words, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 0')`,
    )
    .execute(db);
  await createWordTriggers(db);
  await indexAllSubmissionWords(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw('DROP TRIGGER submissions_search_words ON submissions').execute(db);
    await sql.raw('DROP FUNCTION submissions_search_words()').execute(db);
    await sql.raw('ALTER TABLE submissions DROP COLUMN search_words').execute(db); // drops its index
    return;
  }
  for (const t of ['submissions_words_delete', 'submissions_words_update'])
    await sql.raw(`DROP TRIGGER ${t}`).execute(db);
  await sql.raw('DROP TABLE submissions_words').execute(db);
}
