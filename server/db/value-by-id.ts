import { type RawBuilder, sql } from 'kysely';

/**
 * A value that differs from row to row, for one UPDATE of many rows: `CASE id WHEN … THEN … END`.
 * One statement instead of one per row: on PostgreSQL each statement is a round trip, and the
 * outbox worker's rounds of 100 messages spent most of their time on them (issue 12 «Speed»).
 * Rows not named get NULL: pair it with `.where('id', 'in', ids)` over the same ids.
 * @example db.updateTable('outbox_state').set({ provider_id: valueById(sent.map((s) => [s.id, s.providerId])) }).where('id', 'in', ids)
 */
export function valueById<T extends string | number | null>(
  pairs: ReadonlyArray<readonly [id: string, value: T]>,
): RawBuilder<T> {
  return sql<T>`CASE ${sql.ref('id')} ${sql.join(
    pairs.map(([id, value]) => sql`WHEN ${id} THEN ${value}`),
    sql` `,
  )} END`;
}
