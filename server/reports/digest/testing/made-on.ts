import { sql } from 'kysely';
import type { Db } from '../../../db/connection.ts';

/**
 * Dates a test database's making (its migrations' run) back or forward to `iso`, as if Otklik had
 * been installed then: the digest of a week that ended before that is not sent.
 */
export async function madeOn(db: Db, iso: string): Promise<void> {
  await sql`UPDATE kysely_migration SET timestamp = ${iso}`.execute(db);
}
