import { type Kysely, sql } from 'kysely';

// A complaint registered by hand could take a receipt up to a minute after its registration (a
// clock's skew the form allows); registration now takes such a receipt as its own moment, and the
// inbox's period of receipt reads «received is never after registered» through its indexes. The
// rows stored before are made so too (a shift of at most a minute; their deadlines stay as
// counted). Never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`UPDATE complaints SET received_at = (SELECT created_at FROM submissions WHERE submissions.id = complaints.submission_id)
    WHERE received_at > (SELECT created_at FROM submissions WHERE submissions.id = complaints.submission_id)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  // The receipts as typed are not kept: nothing to undo.
}
