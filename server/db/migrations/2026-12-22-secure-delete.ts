import { type Kysely, PostgresAdapter, sql } from 'kysely';

// SQLite's full-text indexes delete by adding a «deleted» mark beside the old entry, which stays in
// the file until its segment is merged: the words of an erased message were still readable there
// (152-ФЗ). With FTS5's secure-delete option a deletion takes the entry out of its segment. The
// file's own freed bytes are zeroed by `PRAGMA secure_delete` (server/db/connection.ts). Nothing to
// do on PostgreSQL, whose search words are a column of the row. Never imports application code.

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;
const TABLES = ['submissions_fts', 'submissions_words'];

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  for (const t of TABLES) await sql.raw(`INSERT INTO ${t}(${t}, rank) VALUES('secure-delete', 1)`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  for (const t of TABLES) await sql.raw(`INSERT INTO ${t}(${t}, rank) VALUES('secure-delete', 0)`).execute(db);
}
