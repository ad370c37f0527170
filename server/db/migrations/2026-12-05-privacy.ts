import type { Kysely } from 'kysely';

// Personal data (152-ФЗ, issue 10): when a submission's personal fields were erased, by the
// retention job or a person's request. The job skips what it has erased; the console tells an
// erased submission from one sent without contacts. Never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('submissions').addColumn('erased_at', 'varchar(30)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('submissions').dropColumn('erased_at').execute();
}
