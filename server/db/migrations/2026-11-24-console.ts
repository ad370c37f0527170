import type { Kysely } from 'kysely';

// The QMS console: users and sessions, sign-in throttling, the audit log, each submission's
// history, and the moderation of reviews. Never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('department_id', 'varchar(36)', (c) => c.references('departments.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  // The id is the SHA-256 of the cookie's token: a stolen database holds no usable session.
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  // Failed sign-ins per account and per IP (`user:<email>`, `ip:<address>`), for the lock-out.
  await db.schema
    .createTable('auth_throttle')
    .addColumn('key', 'varchar(300)', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'varchar(32)', (c) => c.notNull())
    .addColumn('locked_until', 'varchar(32)')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(36)')
    .addColumn('user_email', 'varchar(254)')
    .addColumn('action', 'varchar(64)', (c) => c.notNull())
    .addColumn('target_type', 'varchar(32)')
    .addColumn('target_id', 'varchar(64)')
    /** JSON: what changed, from and to. */
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
  await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'at']).execute();
  await db.schema.createIndex('audit_log_user').on('audit_log').columns(['user_id', 'at']).execute();

  // A submission's history in the console: internal comments, changes of kind, assignment, status.
  await db.schema
    .createTable('submission_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('submission_id', 'varchar(36)', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    /** JSON: the comment's text, or what changed from and to. */
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('submission_events_submission')
    .on('submission_events')
    .columns(['submission_id', 'at'])
    .execute();

  // One row per rating whose author allowed publication: the moderation queue and, once approved,
  // the published review. A rating without that consent never gets a row.
  await db.schema
    .createTable('reviews')
    .addColumn('submission_id', 'varchar(36)', (c) => c.primaryKey().references('submissions.id').onDelete('cascade'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    /** The text that is published: the comment, or its redacted copy. */
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('redacted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('published_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reviews_queue').on('reviews').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('reviews_published').on('reviews').columns(['status', 'published_at']).execute();

  // Ratings stored before this migration that allowed publication wait for a decision too.
  const waiting = await db
    .selectFrom('submissions')
    .select(['id', 'message', 'created_at'])
    .where('type', '=', 'rating')
    .where('publish', '=', 1)
    .execute();
  for (const r of waiting) {
    await db
      .insertInto('reviews')
      .values({ submission_id: r.id, status: 'pending', text: r.message, redacted: 0, created_at: r.created_at })
      .execute();
  }

  for (const [name, columns] of [
    ['submissions_type_created', ['type', 'created_at']],
    ['submissions_kind_created', ['kind', 'created_at']],
    ['submissions_status_created', ['status', 'created_at']],
    ['submissions_channel_created', ['channel', 'created_at']],
    ['submissions_department_created', ['department_id', 'created_at']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('submissions')
      .columns([...columns])
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    'submissions_type_created',
    'submissions_kind_created',
    'submissions_status_created',
    'submissions_channel_created',
    'submissions_department_created',
  ]) {
    await db.schema.dropIndex(name).execute();
  }
  for (const t of ['reviews', 'submission_events', 'audit_log', 'auth_throttle', 'sessions', 'users'])
    await db.schema.dropTable(t).execute();
}
