import { type Kysely, sql } from 'kysely';

// When a submission became a complaint: its registration as a complaint. A message found to be a
// complaint days after it came (a suggestion made a complaint) was taken as registered when it came,
// so its deadlines, counted from then, were long past at once, and the reminders' quarter of an
// hour to mark what was done on time was skipped: the QMS got escalations within the minute.
// Complaints opened before this know no other moment than their submission's. Never imports
// application code.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('complaints').addColumn('opened_at', 'varchar(32)').execute();
  await sql`UPDATE complaints SET opened_at = (SELECT created_at FROM submissions WHERE submissions.id = complaints.submission_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('complaints').dropColumn('opened_at').execute();
}
