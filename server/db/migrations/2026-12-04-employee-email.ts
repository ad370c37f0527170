import type { Kysely } from 'kysely';

// The employee's own e-mail address: the console sends him his signature page's link there.
// Optional (HR's files often lack it). Never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('employees').addColumn('email', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('employees').dropColumn('email').execute();
}
