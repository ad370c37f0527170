import type { Kysely } from 'kysely';

// The consent text of each version as it was shown (152-ФЗ): a submission records the version its
// client agreed to, and the text of an earlier version stays answerable after CONSENT_FILE changes
// (server/privacy/consent-texts.ts). Never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('consent_texts')
    .addColumn('version', 'varchar(100)', (c) => c.notNull())
    .addColumn('lang', 'varchar(2)', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('first_shown_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('consent_texts_pk', ['version', 'lang'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('consent_texts').execute();
}
