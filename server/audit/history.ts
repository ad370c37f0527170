import type { FieldChange } from '../../shared/console-card.ts';
import { recordAudit } from './record.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../sessions/context.ts';

/** What of a submission a person changes by hand, each with its history row and audit line. */
export type ChangedField = 'kind' | 'status' | 'department' | 'employee';

/**
 * Writes one row of a submission's history and its audit line `<family>.<type>`, in the caller's
 * transaction with the change itself: the two always go together. `actor` null is the system
 * (a client's survey answer).
 * @example await logHistory(trx, clock, actor, s, 'complaint', 'call', { at, summary })
 */
export async function logHistory(
  trx: Db,
  clock: Clock,
  actor: Actor | null,
  submission: { id: string; number: string },
  family: 'submission' | 'complaint',
  type: string,
  data: object,
): Promise<void> {
  const at = clock.now().toISOString();
  await trx
    .insertInto('submission_events')
    .values({
      id: newId(),
      submission_id: submission.id,
      at,
      user_id: actor?.user.id ?? null,
      type,
      data: JSON.stringify(data),
    })
    .execute();
  await recordAudit(trx, clock, {
    user: actor?.user ?? null,
    action: `${family}.${type}`,
    target: { type: 'submission', id: submission.id },
    details: { number: submission.number, ...data },
    ip: actor?.ip ?? null,
  });
}

/**
 * A change of a submission's field by hand, `{from, to}`, in its history and the audit.
 * @example await logFieldChange(trx, clock, actor, s, 'status', { from: 'new', to: 'closed' })
 */
export const logFieldChange = (
  trx: Db,
  clock: Clock,
  actor: Actor,
  submission: { id: string; number: string },
  field: ChangedField,
  data: FieldChange,
): Promise<void> => logHistory(trx, clock, actor, submission, 'submission', field, data);

/**
 * Closes a rating whose work is done (its review decided, or a complaint made of it): the inbox
 * shows what still needs doing. Only a rating still «Новое»: one someone took into work keeps its
 * status. Returns whether it closed.
 * @example await closeRating(trx, clock, actor, { id, number, status: 'new' })
 */
export async function closeRating(
  trx: Db,
  clock: Clock,
  actor: Actor,
  rating: { id: string; number: string; status: string },
): Promise<boolean> {
  if (rating.status !== 'new') return false;
  // Still «Новое» when the transaction writes: a status someone set meanwhile is kept.
  const r = await trx
    .updateTable('submissions')
    .set({ status: 'closed' })
    .where('id', '=', rating.id)
    .where('status', '=', 'new')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await logFieldChange(trx, clock, actor, rating, 'status', { from: 'new', to: 'closed' });
  return true;
}
