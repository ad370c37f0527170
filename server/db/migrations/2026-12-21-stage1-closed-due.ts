import { type Kysely, sql } from 'kysely';

// A complaint whose stage 1 was closed with a step left unmarked (1.2, 1.3) kept that step's
// deadline as its nearest one, so the inbox listed it among the overdue for good. The console
// gives such a complaint no deadline now; this clears the ones kept before. Never imports
// application code.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`UPDATE complaints SET next_due_at = NULL
    WHERE stage1_closed_at IS NOT NULL AND next_due_at IS NOT NULL`.execute(db);
}

/** Nothing to undo: the deadlines cleared belonged to steps no one can still be late for. */
export async function down(): Promise<void> {}
