import type { Kysely } from 'kysely';

// Every outbox message keeps one Message-ID across its retries and transports, fixed before its
// first try (issue 14 §7), so a receiver can drop a copy sent twice. Rows queued before this
// have none: theirs is fixed at their next try, from the id as the transports made it until now
// (`<id@domain of MAIL_FROM>`). Never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('message_id', 'varchar(320)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('message_id').execute();
}
