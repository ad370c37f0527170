import type { Kysely } from 'kysely';

// The complaint process of seed 004: the company's working calendar, each complaint's stage 1
// steps with their deadlines, its classification and outcome, stage 2's nonconformities, the
// reminders already sent, and each department's default responsible. Never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // The company's own changes to the production calendar shipped in server/calendar/: a
  // region's extra holiday, its own day off, a working Saturday. `type`: off | work | short.
  await db.schema
    .createTable('calendar_days')
    .addColumn('day', 'varchar(10)', (c) => c.primaryKey())
    .addColumn('type', 'varchar(8)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  // Small settings the console edits, JSON by key (`working_hours`: { start, end }).
  await db.schema
    .createTable('settings')
    .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable('departments')
    .addColumn('responsible_user_id', 'varchar(36)', (c) => c.references('users.id'))
    .execute();

  // One row per complaint (a submission of kind «complaint»): who handles it and what came of it.
  await db.schema
    .createTable('complaints')
    .addColumn('submission_id', 'varchar(36)', (c) => c.primaryKey().references('submissions.id').onDelete('cascade'))
    /** The moment the complaint was received; every deadline is counted from it. */
    .addColumn('received_at', 'varchar(32)', (c) => c.notNull())
    /** site (the widget, /f) | console (registered by hand) | rating (made from a low rating). */
    .addColumn('origin', 'varchar(16)', (c) => c.notNull())
    .addColumn('rating_id', 'varchar(36)', (c) => c.references('submissions.id'))
    .addColumn('registered_by', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('responsible_user_id', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('contact_position', 'text')
    .addColumn('situation_date', 'varchar(10)')
    .addColumn('performer', 'text')
    .addColumn('scope', 'varchar(16)', (c) => c.notNull().defaultTo('external'))
    .addColumn('justification', 'varchar(16)')
    .addColumn('importance', 'varchar(16)', (c) => c.notNull().defaultTo('normal'))
    .addColumn('satisfied', 'integer')
    .addColumn('loyal', 'integer')
    /** survey | handler: who gave satisfaction and loyalty. */
    .addColumn('outcome_source', 'varchar(16)')
    .addColumn('correction', 'varchar(16)')
    .addColumn('correction_note', 'text')
    .addColumn('correction_record', 'varchar(16)')
    /** The earliest deadline of a step not yet done: the inbox sorts and filters by it. */
    .addColumn('next_due_at', 'varchar(32)')
    .addColumn('stage1_closed_at', 'varchar(32)')
    .addColumn('stage2_closed_at', 'varchar(32)')
    .addColumn('closed_at', 'varchar(32)')
    /** SHA-256 of the survey link's token; the link itself is only in the e-mail. */
    .addColumn('survey_token', 'varchar(64)', (c) => c.unique())
    .addColumn('survey_sent_at', 'varchar(32)')
    .addColumn('survey_answered_at', 'varchar(32)')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaints_next_due').on('complaints').column('next_due_at').execute();
  await db.schema.createIndex('complaints_rating').on('complaints').column('rating_id').execute();

  // Stage 1's steps 1.1–1.6: each with the start of its window, its deadline and who did it when.
  await db.schema
    .createTable('complaint_steps')
    .addColumn('complaint_id', 'varchar(36)', (c) =>
      c.notNull().references('complaints.submission_id').onDelete('cascade'),
    )
    .addColumn('step', 'varchar(4)', (c) => c.notNull())
    .addColumn('window_start_at', 'varchar(32)')
    .addColumn('due_at', 'varchar(32)')
    .addColumn('done_at', 'varchar(32)')
    .addColumn('done_by', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('comment', 'text')
    .addPrimaryKeyConstraint('complaint_steps_pk', ['complaint_id', 'step'])
    .execute();
  await db.schema.createIndex('complaint_steps_open').on('complaint_steps').columns(['done_at', 'due_at']).execute();

  // A reminder, overdue notice or escalation sent for a step: the key makes each one happen once,
  // whichever instance gets there first.
  await db.schema
    .createTable('complaint_notices')
    .addColumn('complaint_id', 'varchar(36)', (c) =>
      c.notNull().references('complaints.submission_id').onDelete('cascade'),
    )
    .addColumn('step', 'varchar(4)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('complaint_notices_pk', ['complaint_id', 'step', 'kind'])
    .execute();

  // Stage 2 «улучшение»: what the complaint showed to be wrong and the task that corrects it.
  await db.schema
    .createTable('nonconformities')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('complaint_id', 'varchar(36)', (c) =>
      c.notNull().references('complaints.submission_id').onDelete('cascade'),
    )
    .addColumn('department_id', 'varchar(36)', (c) => c.references('departments.id'))
    .addColumn('process', 'text', (c) => c.notNull())
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('task', 'text', (c) => c.notNull())
    .addColumn('assignee', 'text', (c) => c.notNull())
    .addColumn('due_day', 'varchar(10)')
    .addColumn('done_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('nonconformities_complaint').on('nonconformities').column('complaint_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'nonconformities',
    'complaint_notices',
    'complaint_steps',
    'complaints',
    'settings',
    'calendar_days',
  ])
    await db.schema.dropTable(t).execute();
  await db.schema.alterTable('departments').dropColumn('responsible_user_id').execute();
}
