import type { Kysely } from 'kysely';

// Abuse defences kept in the database, so they hold across instances (issue 10): fixed-window
// counters (per IP, per target, per acknowledgement address), what was refused by reason and
// day (never the refused content), proof-of-work solutions already spent, and leases that let
// one instance of many run a daily job. Never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_counters')
    .addColumn('key', 'varchar(300)', (c) => c.primaryKey())
    .addColumn('window_start', 'varchar(30)', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_counters_window').on('rate_counters').column('window_start').execute();

  await db.schema
    .createTable('refusals')
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('reason', 'varchar(40)', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('refusals_pk', ['day', 'reason'])
    .execute();

  await db.schema
    .createTable('pow_spent')
    .addColumn('signature', 'varchar(128)', (c) => c.primaryKey())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pow_spent_expires').on('pow_spent').column('expires_at').execute();

  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'varchar(60)', (c) => c.primaryKey())
    .addColumn('holder', 'varchar(60)', (c) => c.notNull())
    .addColumn('until', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_run', 'varchar(30)')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['job_leases', 'pow_spent', 'refusals', 'rate_counters'])
    await db.schema.dropTable(table).execute();
}
