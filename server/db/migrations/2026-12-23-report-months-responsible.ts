import { type Kysely, PostgresAdapter, sql } from 'kysely';

// The period analysis now counts each responsible person's closings and deadlines (seed 004: the
// figures of handling in the responsible persons' bonuses), by the person responsible for each
// complaint now. So a kept month (2026-12-12-report-months) must also be marked stale when a
// complaint passes to another person: the month it was closed in and the months its steps fell
// due in. Never imports application code.

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** The kept months a complaint's closing or any of its steps' deadlines fall in: marked stale. */
const markComplaint = (id: string) => `UPDATE report_months SET stale = 1 WHERE stale = 0 AND (
    EXISTS (SELECT 1 FROM complaints c WHERE c.submission_id = ${id}
      AND c.closed_at >= report_months.starts AND c.closed_at < report_months.ends)
    OR EXISTS (SELECT 1 FROM complaint_steps s WHERE s.complaint_id = ${id}
      AND s.due_at >= report_months.starts AND s.due_at < report_months.ends));`;

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql
      .raw(`CREATE FUNCTION report_months_responsible() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.responsible_user_id IS DISTINCT FROM OLD.responsible_user_id THEN ${markComplaint('NEW.submission_id')} END IF;
  RETURN NULL;
END $$`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER report_months_responsible AFTER UPDATE OF responsible_user_id ON complaints
FOR EACH ROW EXECUTE FUNCTION report_months_responsible()`)
      .execute(db);
    return;
  }
  await sql
    .raw(`CREATE TRIGGER report_months_responsible AFTER UPDATE OF responsible_user_id ON complaints
WHEN NEW.responsible_user_id IS NOT OLD.responsible_user_id BEGIN ${markComplaint('NEW.submission_id')} END`)
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`DROP TRIGGER report_months_responsible${isPostgres(db) ? ' ON complaints' : ''}`).execute(db);
  if (isPostgres(db)) await sql.raw('DROP FUNCTION report_months_responsible()').execute(db);
}
