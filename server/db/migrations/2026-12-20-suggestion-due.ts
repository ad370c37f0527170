import { type Kysely, sql } from 'kysely';

// A suggestion's client is promised an answer within three working days, as a complaint's is, but
// only complaints had a deadline the inbox could sort and filter by: the QMS saw a suggestion's date
// on its card alone. `answer_due_at` holds it while the submission is a suggestion; the index, by
// status first, finds the open ones without reading the closed (the inbox sorts that short list).
// Existing suggestions take the date their client was given, kept in the stored answer. Never
// imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('submissions').addColumn('answer_due_at', 'text').execute();
  await db.schema
    .createIndex('submissions_answer_due')
    .on('submissions')
    .columns(['status', 'answer_due_at'])
    .where(sql.ref('answer_due_at'), 'is not', null)
    .execute();
  // The date its client was given: in the stored answer (a site's message), else its complaint's
  // step 1.3 (one registered by hand or made of a rating, then found to be a suggestion).
  const rows = await db
    .selectFrom('submissions')
    .leftJoin('complaint_steps', (j) =>
      j.onRef('complaint_steps.complaint_id', '=', 'submissions.id').on('complaint_steps.step', '=', '1.3'),
    )
    .select(['submissions.id', 'submissions.response', 'complaint_steps.due_at'])
    .where('submissions.kind', '=', 'suggestion')
    .execute();
  const due = rows.flatMap((r) => {
    const at = answerBy(r.response) ?? r.due_at;
    return at ? [[r.id, at] as const] : [];
  });
  // A few hundred rows a statement: on PostgreSQL one per row was a round trip each.
  for (let i = 0; i < due.length; i += 500) {
    const part = due.slice(i, i + 500);
    const cases = sql.join(
      part.map(([id, at]) => sql`WHEN ${id} THEN ${at}`),
      sql` `,
    );
    await sql`UPDATE submissions SET answer_due_at = CASE id ${cases} END WHERE id IN (${sql.join(part.map(([id]) => id))})`.execute(
      db,
    );
  }
}

function answerBy(response: string): string | null {
  try {
    const { answerBy } = JSON.parse(response) as { answerBy?: unknown };
    return typeof answerBy === 'string' && !Number.isNaN(Date.parse(answerBy)) ? answerBy : null;
  } catch {
    return null;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('submissions_answer_due').execute();
  await db.schema.alterTable('submissions').dropColumn('answer_due_at').execute();
}
