import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { migrations } from '../db/migrations/index.ts';

export type Readiness =
  | { ready: true }
  | { ready: false; reason: 'database_unreachable' | 'migrations_pending' | 'schema_newer'; detail: string };

/**
 * Whether this instance should be sent traffic: the database answers, and every migration this
 * code knows has been applied (an instance started beside an older schema, or before another
 * instance finished migrating, is not ready), and none it doesn't know (an older instance left
 * running after a newer version migrated the database answers its writes with errors). Reads
 * Kysely's own bookkeeping table, found on the connection's search path as the migrator left it.
 * @example if (!(await readiness(db)).ready) answer 503
 */
export async function readiness(db: Db): Promise<Readiness> {
  let applied: Set<string>;
  try {
    const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    applied = new Set(rows.rows.map((r) => r.name));
  } catch (err) {
    // No bookkeeping table yet is a database that answers but has no schema.
    const message = (err as Error).message;
    return /kysely_migration/.test(message) && /no such table|does not exist/.test(message)
      ? { ready: false, reason: 'migrations_pending', detail: 'no migration applied yet' }
      : { ready: false, reason: 'database_unreachable', detail: message };
  }
  const pending = Object.keys(migrations).filter((name) => !applied.has(name));
  if (pending.length > 0)
    return { ready: false, reason: 'migrations_pending', detail: `not applied: ${pending.join(', ')}` };
  const unknown = [...applied].filter((name) => !(name in migrations)).sort();
  return unknown.length === 0
    ? { ready: true }
    : { ready: false, reason: 'schema_newer', detail: `applied by a newer version: ${unknown.join(', ')}` };
}
