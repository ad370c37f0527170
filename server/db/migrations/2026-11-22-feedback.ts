import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Migrations never import application code: they must read the same in a year.
const blob = (db: Kysely<any>) => (db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('submissions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('number', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('type', 'varchar(16)', (c) => c.notNull())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('status', 'varchar(32)', (c) => c.notNull().defaultTo('new'))
    .addColumn('channel', 'varchar(32)', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('organization', 'text')
    .addColumn('inn', 'varchar(12)')
    .addColumn('phone', 'varchar(20)')
    .addColumn('email', 'text')
    .addColumn('page', 'text')
    .addColumn('lang', 'varchar(8)', (c) => c.notNull())
    .addColumn('consent_version', 'varchar(32)')
    .addColumn('consent_at', 'varchar(32)')
    .addColumn('consent_ip', 'varchar(64)')
    .addColumn('consent_user_agent', 'text')
    .addColumn('idempotency_key', 'varchar(200)', (c) => c.unique())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('submissions_created_at').on('submissions').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('submission_id', 'varchar(36)', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'varchar(128)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('content', blob(db), (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_submission').on('attachments').column('submission_id').execute();

  await db.schema
    .createTable('registration_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('submission_id', 'varchar(36)', (c) => c.references('submissions.id').onDelete('set null'))
    .addColumn('template', 'varchar(64)', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('reply_to', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('attachment_ids', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('locked_until', 'varchar(32)')
    .addColumn('last_error', 'text')
    .addColumn('provider_id', 'text')
    .addColumn('batch_key', 'varchar(36)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('outbox_submission').on('outbox').column('submission_id').execute();
  await db.schema.createIndex('outbox_batch').on('outbox').column('batch_key').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['outbox', 'registration_counters', 'attachments', 'submissions'])
    await db.schema.dropTable(t).execute();
}
