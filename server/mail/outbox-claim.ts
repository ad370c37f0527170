import type { ExpressionBuilder } from 'kysely';
import { type Db, dbKind } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { OutboxRow } from './outbox-store.ts';

/**
 * Due and free messages that lead their send: alone, or first of a batch. The other members of
 * a batch are only ever claimed through their leader, so two workers can never split a batch.
 */
function dueLeader(now: string) {
  return (eb: ExpressionBuilder<Database, 'outbox_state'>) =>
    eb.and([
      eb('status', '=', 'pending'),
      eb('next_attempt_at', '<=', now),
      eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]),
      eb.or([eb('batch_key', 'is', null), eb('batch_key', '=', eb.ref('id'))]),
    ]);
}

/**
 * Leases up to `limit` due sends (with all members of their batches) until `leaseUntil` and
 * returns their rows. PostgreSQL: `FOR UPDATE SKIP LOCKED` in a transaction, so instances
 * claiming at the same moment take different rows instead of waiting or doubling. SQLite: one
 * UPDATE statement, which holds the database's single write lock from its first read.
 */
export async function claimDueOutbox(
  db: Db,
  options: { now: Date; leaseUntil: Date; limit: number },
): Promise<OutboxRow[]> {
  const now = options.now.toISOString();
  const lease = { locked_until: options.leaseUntil.toISOString() };
  if (dbKind(db) === 'postgres') {
    return db.transaction().execute(async (trx) => {
      const picked = await trx
        .selectFrom('outbox_state')
        .select('id')
        .where(dueLeader(now))
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(options.limit)
        .forUpdate()
        .skipLocked()
        .execute();
      if (picked.length === 0) return [];
      const ids = picked.map((r) => r.id);
      return trx
        .updateTable('outbox_state')
        .set(lease)
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('id', 'in', ids), eb('batch_key', 'in', ids)]))
        .returningAll()
        .execute();
    });
  }
  return db
    .with('picked', (qb) =>
      qb
        .selectFrom('outbox_state')
        .select('id')
        .where(dueLeader(now))
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(options.limit),
    )
    .updateTable('outbox_state')
    .set(lease)
    .where('status', '=', 'pending')
    .where((eb) =>
      eb.or([
        eb('id', 'in', eb.selectFrom('picked').select('id')),
        eb('batch_key', 'in', eb.selectFrom('picked').select('id')),
      ]),
    )
    .returningAll()
    .execute();
}
