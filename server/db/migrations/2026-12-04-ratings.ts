import { type Kysely, sql } from 'kysely';

// Ratings made right (issue 9): their own registration sequence, the browser that made a rating
// (so its second send within a day changes it), and subjects' English titles. Never imports
// application code.
export async function up(db: Kysely<any>): Promise<void> {
  // The counters get a sequence key: `messages` (feedback and complaints, `2026-00042`) and
  // `ratings` (`О-2026-00007`). A primary key can't be changed in place on SQLite, so the table
  // is built anew under the same name; every year's counter so far is the messages' one.
  await db.schema
    .createTable('registration_counters_new')
    .addColumn('sequence', 'varchar(16)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('registration_counters_pk', ['sequence', 'year'])
    .execute();
  await sql`INSERT INTO registration_counters_new (sequence, year, value)
    SELECT 'messages', year, value FROM registration_counters`.execute(db);
  await db.schema.dropTable('registration_counters').execute();
  await db.schema.alterTable('registration_counters_new').renameTo('registration_counters').execute();

  // Which browser made a rating: SHA-256 of the token it keeps (a cookie, or the widget's
  // localStorage), so that its second rating of the same target within a day changes the first.
  await db.schema
    .createTable('rating_raters')
    .addColumn('submission_id', 'varchar(36)', (c) => c.primaryKey().references('submissions.id').onDelete('cascade'))
    .addColumn('rater', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rating_raters_rater').on('rating_raters').column('rater').execute();

  await db.schema.alterTable('rating_subjects').addColumn('title_en', 'text').execute();
  // The subject the ratings migration created, unless the company has renamed it since.
  await db
    .updateTable('rating_subjects')
    .set({ title_en: 'Delivery quality' })
    .where('slug', '=', 'delivery')
    .where('title', '=', 'Качество доставки')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rating_subjects').dropColumn('title_en').execute();
  await db.schema.dropTable('rating_raters').execute();
  await db.schema
    .createTable('registration_counters_old')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO registration_counters_old (year, value)
    SELECT year, value FROM registration_counters WHERE sequence = 'messages'`.execute(db);
  await db.schema.dropTable('registration_counters').execute();
  await db.schema.alterTable('registration_counters_old').renameTo('registration_counters').execute();
}
