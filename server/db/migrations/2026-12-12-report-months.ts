import { type Kysely, PostgresAdapter, sql } from 'kysely';

// The period analysis of a quarter or a year adds up its months, and a month that has ended is
// kept counted in report_months (server/reports/month-store.ts). A kept month is only as good as
// the rows it counted, so every write that could change one marks it stale here, in the writer's
// own transaction, whatever code (or person at the SQL prompt) made it: a trigger on each of the
// three tables the analysis reads. A month is matched by the instants it spans (`starts`,
// `ends`), so no month arithmetic is done in SQL. Only columns the analysis reads fire them: a
// step done on an old complaint moves its submission's status, which no report counts.
// Never imports application code.

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** The kept months an instant falls in: marked stale. */
const mark = (at: string) => `UPDATE report_months SET stale = 1 WHERE starts <= ${at} AND ${at} < ends AND stale = 0;`;

/** A submission moved to another department moves its complaint's closing and its steps too. */
const markComplaintOf = (id: string) => `UPDATE report_months SET stale = 1 WHERE stale = 0 AND (
    EXISTS (SELECT 1 FROM complaints c WHERE c.submission_id = ${id}
      AND c.closed_at >= report_months.starts AND c.closed_at < report_months.ends)
    OR EXISTS (SELECT 1 FROM complaint_steps s WHERE s.complaint_id = ${id}
      AND s.due_at >= report_months.starts AND s.due_at < report_months.ends));`;

const WATCHED = {
  submissions: {
    at: 'created_at',
    columns: 'created_at, kind, channel, department_id, type, subject, employee_id, score',
  },
  complaints: { at: 'closed_at', columns: 'closed_at, received_at, justification, satisfied, loyal' },
  complaint_steps: { at: 'due_at', columns: 'due_at, done_at, step' },
} as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_months')
    .addColumn('month', 'text', (c) => c.notNull())
    // '' for the whole company, otherwise the department's id.
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('starts', 'text', (c) => c.notNull())
    .addColumn('ends', 'text', (c) => c.notNull())
    // The working calendar the month was counted on: working days to close depend on it.
    .addColumn('calendar', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('stale', 'integer', (c) => c.notNull())
    .addColumn('figures', 'text')
    .addPrimaryKeyConstraint('report_months_pk', ['month', 'department_id'])
    .execute();

  // One department's submission ids, read from the index alone (server/reports/report-labels.ts).
  await db.schema
    .createIndex('submissions_department_ids')
    .on('submissions')
    .columns(['department_id', 'id'])
    .execute();

  if (isPostgres(db)) {
    for (const [table, w] of Object.entries(WATCHED)) {
      const moved =
        table === 'submissions'
          ? `IF NEW.department_id IS DISTINCT FROM OLD.department_id THEN ${markComplaintOf('NEW.id')} END IF;`
          : '';
      await sql
        .raw(`CREATE FUNCTION report_months_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN ${mark(`OLD.${w.at}`)} END IF;
  IF TG_OP <> 'DELETE' THEN ${mark(`NEW.${w.at}`)} END IF;
  IF TG_OP = 'UPDATE' THEN ${moved} END IF;
  RETURN NULL;
END $$`)
        .execute(db);
      await sql
        .raw(`CREATE TRIGGER report_months_${table} AFTER INSERT OR DELETE OR UPDATE OF ${w.columns} ON ${table}
FOR EACH ROW EXECUTE FUNCTION report_months_${table}()`)
        .execute(db);
    }
    return;
  }
  await sql
    .raw(`CREATE TRIGGER report_months_submissions_moved AFTER UPDATE OF department_id ON submissions
WHEN NEW.department_id IS NOT OLD.department_id BEGIN ${markComplaintOf('NEW.id')} END`)
    .execute(db);
  for (const [table, w] of Object.entries(WATCHED)) {
    await sql
      .raw(`CREATE TRIGGER report_months_${table}_insert AFTER INSERT ON ${table} BEGIN ${mark(`NEW.${w.at}`)} END`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER report_months_${table}_delete AFTER DELETE ON ${table} BEGIN ${mark(`OLD.${w.at}`)} END`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER report_months_${table}_update AFTER UPDATE OF ${w.columns} ON ${table} BEGIN
  ${mark(`OLD.${w.at}`)} ${mark(`NEW.${w.at}`)}
END`)
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of Object.keys(WATCHED)) {
    if (isPostgres(db)) {
      await sql.raw(`DROP TRIGGER report_months_${table} ON ${table}`).execute(db);
      await sql.raw(`DROP FUNCTION report_months_${table}()`).execute(db);
    } else
      for (const op of ['insert', 'delete', 'update', ...(table === 'submissions' ? ['moved'] : [])])
        await sql.raw(`DROP TRIGGER report_months_${table}_${op}`).execute(db);
  }
  await db.schema.dropTable('report_months').execute();
  await db.schema.dropIndex('submissions_department_ids').execute();
}
