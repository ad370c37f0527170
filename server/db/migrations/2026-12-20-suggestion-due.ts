import { type Kysely, sql } from 'kysely';

// A suggestion's client is promised an answer within three working days, as a complaint's is, but
// only complaints had a deadline the inbox could sort and filter by: the QMS saw a suggestion's date
// on its card alone. `answer_due_at` holds it while the submission is a suggestion; the index, by
// status first, gives the inbox the open ones in deadline order without reading the closed.
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
  const rows = await db.selectFrom('submissions').select(['id', 'response']).where('kind', '=', 'suggestion').execute();
  for (const row of rows) {
    const due = answerBy(row.response);
    if (due) await db.updateTable('submissions').set({ answer_due_at: due }).where('id', '=', row.id).execute();
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
