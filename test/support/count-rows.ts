import type { Db } from '../../server/db/connection.ts';
import type { Database } from '../../server/db/schema.ts';

/** How many rows a table holds: what was stored, as a test checks it. */
export async function countRows(db: Db, table: keyof Database): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
