import { type Kysely, PostgresAdapter, sql } from 'kysely';

// The monthly analysis now counts a complaint as received in the month it was received
// (`complaints.received_at`), as the weekly control, the card and the deadlines do, not in the month
// it was registered: a letter of 30 October registered on 2 November is October's. So a kept month
// (2026-12-12-report-months) must also be marked stale by every write that moves a complaint's day
// of receipt, and by every write to a complaint's submission that the count reads (its kind,
// channel, department), in the month of its receipt. Never imports application code.

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** The kept months an instant falls in: marked stale (by the index report_months_open). */
const mark = (at: string) => `UPDATE report_months SET stale = 1 WHERE stale = 0 AND starts <= ${at} AND ${at} < ends;`;

/** The month a submission's complaint was received in, if it has one. */
const markReceiptOf = (id: string) => mark(`(SELECT received_at FROM complaints WHERE submission_id = ${id})`);

/** The submission columns the received counts read (server/reports/received-counts.ts). */
const COUNTED = 'kind, channel, department_id';

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql
      .raw(`CREATE FUNCTION report_months_receipt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN ${mark('OLD.received_at')} END IF;
  IF TG_OP <> 'DELETE' THEN ${mark('NEW.received_at')} END IF;
  RETURN NULL;
END $$`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER report_months_receipt AFTER INSERT OR DELETE OR UPDATE OF received_at ON complaints
FOR EACH ROW EXECUTE FUNCTION report_months_receipt()`)
      .execute(db);
    await sql
      .raw(`CREATE FUNCTION report_months_receipt_of() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${markReceiptOf('NEW.id')}
  RETURN NULL;
END $$`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER report_months_receipt_of AFTER UPDATE OF ${COUNTED} ON submissions
FOR EACH ROW EXECUTE FUNCTION report_months_receipt_of()`)
      .execute(db);
    return;
  }
  await sql
    .raw(`CREATE TRIGGER report_months_receipt_insert AFTER INSERT ON complaints BEGIN ${mark('NEW.received_at')} END`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER report_months_receipt_delete AFTER DELETE ON complaints BEGIN ${mark('OLD.received_at')} END`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER report_months_receipt_update AFTER UPDATE OF received_at ON complaints BEGIN
  ${mark('OLD.received_at')} ${mark('NEW.received_at')}
END`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER report_months_receipt_of AFTER UPDATE OF ${COUNTED} ON submissions BEGIN
  ${markReceiptOf('NEW.id')}
END`)
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw('DROP TRIGGER report_months_receipt ON complaints').execute(db);
    await sql.raw('DROP FUNCTION report_months_receipt()').execute(db);
    await sql.raw('DROP TRIGGER report_months_receipt_of ON submissions').execute(db);
    await sql.raw('DROP FUNCTION report_months_receipt_of()').execute(db);
    return;
  }
  for (const name of ['insert', 'delete', 'update'])
    await sql.raw(`DROP TRIGGER report_months_receipt_${name}`).execute(db);
  await sql.raw('DROP TRIGGER report_months_receipt_of').execute(db);
}
