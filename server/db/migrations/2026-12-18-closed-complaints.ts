import { type Kysely, sql } from 'kysely';

// Until now a closed complaint could be made another kind in the console, and then given any status
// (a walk-through found «Жалоба» + «Новое» with the banner «Жалоба закрыта»). The console refuses
// both now; this puts such rows back as their complaint record says: a complaint, closed. Never
// imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`UPDATE submissions SET kind = 'complaint', status = 'closed'
    WHERE (kind <> 'complaint' OR status <> 'closed')
      AND id IN (SELECT submission_id FROM complaints WHERE closed_at IS NOT NULL)`.execute(db);
}

/** Nothing to undo: the rows repaired were in a state the console no longer allows. */
export async function down(): Promise<void> {}
