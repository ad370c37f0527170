import { type Kysely, PostgresAdapter, sql } from 'kysely';

// The console's inbox over a million submissions: substring search (Cyrillic included) over the
// message, name, organisation, e-mail, phone and number, and indexes for its filters and counts.
// Never imports application code: server/console/search.ts repeats the PostgreSQL expression
// below, and a test checks that the planner still uses this index.

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

const SEARCHED = ['number', 'message', 'name', 'organization', 'email', 'phone'] as const;

/**
 * The triggers that keep the substring index in step with each write (replaced by a queue in
 * 2026-12-13-search-at-commit, whose `down` makes them again).
 */
export async function createSubstringTriggers(db: Kysely<any>): Promise<void> {
  const cols = SEARCHED.join(', ');
  const news = SEARCHED.map((c) => `new.${c}`).join(', ');
  const olds = SEARCHED.map((c) => `old.${c}`).join(', ');
  await sql
    .raw(`CREATE TRIGGER submissions_fts_insert AFTER INSERT ON submissions BEGIN
    INSERT INTO submissions_fts(rowid, ${cols}) VALUES (new.rowid, ${news}); END`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER submissions_fts_delete AFTER DELETE ON submissions BEGIN
    INSERT INTO submissions_fts(submissions_fts, rowid, ${cols}) VALUES ('delete', old.rowid, ${olds}); END`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER submissions_fts_update AFTER UPDATE OF ${cols} ON submissions BEGIN
    INSERT INTO submissions_fts(submissions_fts, rowid, ${cols}) VALUES ('delete', old.rowid, ${olds});
    INSERT INTO submissions_fts(rowid, ${cols}) VALUES (new.rowid, ${news}); END`)
    .execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    // Concurrent migrations of several schemas in one database (tests, instances) would race on
    // CREATE EXTENSION; the lock holds until this migration's transaction ends. The extension
    // lives in `public` and its operator class is named with it: a schema's own search_path
    // may not include `public`.
    await sql`SELECT pg_advisory_xact_lock(726854310)`.execute(db);
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`.execute(db);
    // One trigram index over all searched fields joined by a newline (a query never holds one),
    // so a single ILIKE '%…%' finds a substring in any of them. ILIKE folds case by the
    // database's ctype: Cyrillic needs a UTF-8 locale (C.UTF-8, ru_RU.UTF-8, en_US.UTF-8).
    await sql`CREATE INDEX submissions_search ON submissions USING gin ((
      number || E'\n' || message || E'\n' || coalesce(name, '') || E'\n' || coalesce(organization, '') || E'\n' ||
      coalesce(email, '') || E'\n' || coalesce(phone, '')
    ) public.gin_trgm_ops)`.execute(db);
  } else {
    // An external-content FTS5 table: the index only, the text stays in submissions. The trigram
    // tokenizer makes every quoted query a case-insensitive substring match (Unicode case
    // folding, so «ЖАЛОБА» finds «жалоба»); triggers keep it in step with every write.
    const cols = SEARCHED.join(', ');
    await sql
      .raw(
        `CREATE VIRTUAL TABLE submissions_fts USING fts5(${cols}, content='submissions', content_rowid='rowid', tokenize='trigram')`,
      )
      .execute(db);
    await createSubstringTriggers(db);
    await sql.raw(`INSERT INTO submissions_fts(submissions_fts) VALUES ('rebuild')`).execute(db);
  }

  // The inbox's counts group by type, kind and status under a filter: these let both databases
  // count from an index alone instead of reading a million rows.
  await db.schema.createIndex('submissions_facets').on('submissions').columns(['type', 'kind', 'status']).execute();
  await db.schema
    .createIndex('submissions_department_facets')
    .on('submissions')
    .columns(['department_id', 'type', 'kind', 'status'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('submissions_department_facets').execute();
  await db.schema.dropIndex('submissions_facets').execute();
  if (isPostgres(db)) {
    await db.schema.dropIndex('submissions_search').execute();
  } else {
    for (const t of ['submissions_fts_insert', 'submissions_fts_delete', 'submissions_fts_update'])
      await sql.raw(`DROP TRIGGER ${t}`).execute(db);
    await sql.raw('DROP TABLE submissions_fts').execute(db);
  }
}
