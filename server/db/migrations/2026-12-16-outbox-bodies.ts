import { type Kysely, sql } from 'kysely';

// An outbox e-mail's bodies (about 10 KB of HTML and text) get a table of their own, apart from
// its sending state (issue 12 «Speed»). The worker changes a message's state four times (the
// claim's lease, the Message-ID, the batch, the result), and SQLite rewrites a whole row, with its
// overflow pages, on every UPDATE: under the bench's load those rewrites took about 430 µs a
// submission, more than the intake's own statements. Now they rewrite a row of a few hundred bytes.
// `outbox_state` is the old table without `html` and `text`; `outbox_bodies` holds them, deleted with
// their message (ON DELETE CASCADE); the view `outbox` joins them, so whatever reads the outbox reads
// it as before. Writes go to the two tables. PostgreSQL fixes a view's columns when it is made: a
// later migration that adds a column to outbox_state makes the view again. Never imports
// application code.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outbox_bodies')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey().references('outbox.id').onDelete('cascade'))
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO outbox_bodies (id, html, text) SELECT id, html, text FROM outbox`.execute(db);
  // Renaming keeps the indexes, the foreign key to submissions and the one from outbox_bodies.
  await db.schema.alterTable('outbox').renameTo('outbox_state').execute();
  await db.schema.alterTable('outbox_state').dropColumn('html').execute();
  await db.schema.alterTable('outbox_state').dropColumn('text').execute();
  await createView(db);
}

/** The outbox as one row a message: a LEFT JOIN on the key, which both databases skip when no body column is read. */
async function createView(db: Kysely<any>) {
  await sql`CREATE VIEW outbox AS
    SELECT s.*, b.html, b.text FROM outbox_state s LEFT JOIN outbox_bodies b ON b.id = s.id`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP VIEW outbox`.execute(db);
  await db.schema
    .alterTable('outbox_state')
    .addColumn('html', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('outbox_state')
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`UPDATE outbox_state SET
    html = (SELECT b.html FROM outbox_bodies b WHERE b.id = outbox_state.id),
    text = (SELECT b.text FROM outbox_bodies b WHERE b.id = outbox_state.id)
    WHERE id IN (SELECT id FROM outbox_bodies)`.execute(db);
  await db.schema.dropTable('outbox_bodies').execute();
  await db.schema.alterTable('outbox_state').renameTo('outbox').execute();
}
