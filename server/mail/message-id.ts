import type { Db } from '../db/connection.ts';
import { valueById } from '../db/value-by-id.ts';
import type { OutboxRow } from './outbox-store.ts';

/** The domain of the From address: «Otklik <otklik@example.ru>» → example.ru. */
function fromDomain(from: string): string {
  return /@([A-Za-z0-9.-]+)/.exec(from)?.[1] ?? 'otklik.invalid';
}

/**
 * A message's Message-ID (RFC 5322 §3.6.4): its outbox id at the domain it is sent from.
 * @example messageIdOf('01JF…', 'Otklik <otklik@example.ru>') // '<01JF…@example.ru>'
 */
export const messageIdOf = (outboxId: string, from: string) => `<${outboxId}@${fromDomain(from)}>`;

/**
 * Fixes the Message-ID of messages about to be tried that have none yet, and returns the rows
 * with theirs. Stored before the first try, so that every retry, by any instance and transport,
 * even after MAIL_FROM changed, carries the same one and a receiver can drop the copy.
 */
export async function fixMessageIds(db: Db, rows: readonly OutboxRow[], from: string): Promise<OutboxRow[]> {
  const missing = rows.filter((r) => r.message_id === null);
  if (missing.length === 0) return [...rows];
  // One statement for a batch of up to 100, rather than one each (issue 12 «Speed»).
  await db
    .updateTable('outbox_state')
    .set({ message_id: valueById(missing.map((row) => [row.id, messageIdOf(row.id, from)])) })
    .where(
      'id',
      'in',
      missing.map((r) => r.id),
    )
    .where('message_id', 'is', null)
    .execute();
  const stored = await db
    .selectFrom('outbox_state')
    .select(['id', 'message_id'])
    .where(
      'id',
      'in',
      missing.map((r) => r.id),
    )
    .execute();
  const byId = new Map(stored.map((s) => [s.id, s.message_id]));
  return rows.map((r) => (r.message_id === null ? { ...r, message_id: byId.get(r.id) ?? null } : r));
}
