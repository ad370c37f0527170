import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Two traces of people that earlier versions left behind (152-ФЗ):
// - an erased submission (retention or the person's request) kept a moderator's reason for
//   rejecting or taking down its review, and the descriptions and tasks of its stage 2
//   nonconformities: in their rows, the history and the audit log. They are blanked now, as the
//   erase does from this version on (server/privacy/redact.ts).
// - the audit lines of a person's export or erase, and of a sign-in typed for no account, kept
//   a hash of the address or of what was typed beside its mask: a phone's hash was undone by
//   trying the million numbers the mask leaves open, a password's by a dictionary. The hash goes.
// Never imports application code.

type Data = Record<string, unknown>;

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

const erased = (db: Kysely<any>) => db.selectFrom('submissions').select('id').where('erased_at', 'is not', null);

/** Rewrites the JSON column of the rows `change` alters; one statement per row changed. */
async function rewrite(
  db: Kysely<any>,
  table: 'submission_events' | 'audit_log',
  column: 'data' | 'details',
  rows: { id: string; value: string }[],
  change: (d: Data) => Data,
): Promise<void> {
  for (const r of rows) {
    const value = JSON.stringify(change(JSON.parse(r.value) as Data));
    if (value !== r.value)
      await db
        .updateTable(table)
        .set({ [column]: value })
        .where('id', '=', r.id)
        .execute();
  }
}

const blank = (key: string) => (d: Data) => (d[key] == null ? d : { ...d, [key]: '' });

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('reviews')
    .set({ reason: '' })
    .where('reason', 'is not', null)
    .where('submission_id', 'in', erased(db))
    .execute();
  await db
    .updateTable('nonconformities')
    .set({ description: '', task: '' })
    .where('complaint_id', 'in', erased(db))
    .execute();
  for (const [type, key] of [
    ['moderation', 'reason'],
    ['nonconformity', 'description'],
  ] as const) {
    const events = await db
      .selectFrom('submission_events')
      .select(['id', 'data as value'])
      .where('type', '=', type)
      .where('submission_id', 'in', erased(db))
      .execute();
    await rewrite(db, 'submission_events', 'data', events, blank(key));
  }
  for (const [actions, key] of [
    [['review.reject', 'review.unpublish'], 'reason'],
    [['complaint.nonconformity'], 'description'],
  ] as const) {
    const lines = await db
      .selectFrom('audit_log')
      .select(['id', 'details as value'])
      .where('action', 'in', actions)
      .where('target_type', '=', 'submission')
      .where('target_id', 'in', erased(db))
      .execute();
    await rewrite(db, 'audit_log', 'details', lines, blank(key));
  }
  // In one statement: months of failed sign-ins can be many lines.
  const noHash = isPostgres(db) ? sql`(details::jsonb - 'sha256')::text` : sql`json_remove(details, '$.sha256')`;
  await db
    .updateTable('audit_log')
    .set({ details: noHash })
    .where('action', 'in', ['privacy.person_export', 'privacy.person_erase', 'auth.sign_in_failed', 'auth.locked'])
    .where('details', 'like', '%"sha256"%')
    .execute();
  // SQLite's file is rewritten once after this migration, outside its transaction (migrate.ts
  // afterMigrations), when it holds erased submissions: what earlier versions erased stayed in its
  // free pages. The mark stays until the rewrite is done, so a start killed meanwhile does it again.
  if (!isPostgres(db) && (await erased(db).limit(1).executeTakeFirst()))
    await db
      .insertInto('settings')
      .values({ key: 'rewrite_erased_pages', value: '1', updated_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
}

/** Nothing to undo: what was blanked is not kept anywhere to bring back. */
export async function down(): Promise<void> {}
