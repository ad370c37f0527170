import { type Kysely, sql } from 'kysely';

// Idempotency keys were one space for every endpoint: a rating sent with a feedback message's key
// got the message's answer. Keys are now stored with their endpoint (`feedback:<key>`,
// `rating:<key>`, server/submissions/idempotent.ts); the keys already stored get theirs, so a
// retry arriving across the upgrade still finds its first answer. A key too long to carry the
// prefix in varchar(200) stays as it was: only its own retry could still meet it.
// Never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`UPDATE submissions SET idempotency_key = type || ':' || idempotency_key
    WHERE idempotency_key IS NOT NULL AND length(idempotency_key) + length(type) < 200`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`UPDATE submissions SET idempotency_key = substr(idempotency_key, length(type) + 2)
    WHERE idempotency_key LIKE type || ':%'`.execute(db);
}
