import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Two findings of a review of 2026-12-16-outbox-bodies. Never imports application code.
//
// PostgreSQL's DROP COLUMN only hides a column: the bodies of the e-mails queued before that
// migration stayed on disk (and in backups) in the old row versions of outbox_state, where
// retention, which blanks outbox_bodies now, never reaches them. Writing each row again stores a
// null there, and vacuum frees the old versions with their TOAST chunks. SQLite's DROP COLUMN
// rewrote the table: nothing to do.
//
// The view named its columns with `s.*`, which PostgreSQL expands once, when the view is made, and
// SQLite on every read: a column added to outbox_state later would have shown on one database and
// not on the other. It names them now; a migration that adds a column makes the view again, on both.

const COLUMNS = [
  'id',
  'submission_id',
  'template',
  'recipients',
  'reply_to',
  'subject',
  'attachment_ids',
  'status',
  'attempts',
  'next_attempt_at',
  'locked_until',
  'last_error',
  'provider_id',
  'batch_key',
  'created_at',
  'sent_at',
  'message_id',
];

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`UPDATE outbox_state SET id = id`.execute(db);
  await sql`DROP VIEW outbox`.execute(db);
  const columns = sql.join(COLUMNS.map((c) => sql.ref(`s.${c}`)));
  await sql`CREATE VIEW outbox AS
    SELECT ${columns}, b.html, b.text FROM outbox_state s LEFT JOIN outbox_bodies b ON b.id = s.id`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP VIEW outbox`.execute(db);
  await sql`CREATE VIEW outbox AS
    SELECT s.*, b.html, b.text FROM outbox_state s LEFT JOIN outbox_bodies b ON b.id = s.id`.execute(db);
}
