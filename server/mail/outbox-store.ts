import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Database, OutboxStateTable } from '../db/schema.ts';
import { valueById } from '../db/value-by-id.ts';
import { newId } from '../ids.ts';
import type { RenderedMail } from './templates/layout.ts';

/** A message's sending state, as the worker claims it; its bodies are read when it is sent (outgoing-mail.ts). */
export type OutboxRow = Selectable<OutboxStateTable>;

export interface NewOutboxMessage {
  /** Names what caused the message, e.g. `feedback-notification`. */
  template: string;
  submissionId: string | null;
  to: string[];
  replyTo: string[];
  mail: RenderedMail;
  attachmentIds?: string[];
}

/**
 * Queues one message. Call it with the transaction of the event that causes the message: the
 * message then exists exactly when the event does.
 */
export async function insertOutboxMessage(
  trx: Kysely<Database>,
  clock: Clock,
  message: NewOutboxMessage,
): Promise<string> {
  const id = newId();
  const now = clock.now().toISOString();
  await trx
    .insertInto('outbox_state')
    .values({
      id,
      submission_id: message.submissionId,
      template: message.template,
      recipients: JSON.stringify([...new Set(message.to)]),
      reply_to: message.replyTo.length > 0 ? message.replyTo.join(', ') : null,
      subject: message.mail.subject,
      attachment_ids: JSON.stringify(message.attachmentIds ?? []),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      locked_until: null,
      last_error: null,
      provider_id: null,
      batch_key: null,
      created_at: now,
      sent_at: null,
    })
    .execute();
  await trx.insertInto('outbox_bodies').values({ id, html: message.mail.html, text: message.mail.text }).execute();
  return id;
}

/** Failed messages back in the queue with a fresh count of attempts; returns how many. */
export async function retryFailedOutbox(db: Db, clock: Clock): Promise<number> {
  const result = await db
    .updateTable('outbox_state')
    .set({ status: 'pending', attempts: 0, next_attempt_at: clock.now().toISOString(), locked_until: null })
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * A claim, as the rows it holds carry it: the lease its worker set on them (outbox-claim.ts), or
 * null for rows no one has claimed. An outcome is written only to rows still pending under the
 * claim that sent them: once a claim has run out and another instance has claimed the rows, that
 * instance's outcome stands, and a late one of this instance no longer puts a sent message back
 * in the queue, nor marks it failed.
 */
export type Claim = string | null;

const heldBy = (claim: Claim) => (eb: ExpressionBuilder<Database, 'outbox_state'>) =>
  eb.and([
    eb('status', '=', 'pending'),
    claim === null ? eb('locked_until', 'is', null) : eb('locked_until', '=', claim),
  ]);

/** Marks messages sent, those the claim still holds; returns how many. */
export async function markSent(
  db: Db,
  sent: ReadonlyArray<{ id: string; providerId: string }>,
  at: Date,
  claim: Claim,
): Promise<number> {
  if (sent.length === 0) return 0;
  const result = await db
    .updateTable('outbox_state')
    .set({
      status: 'sent',
      sent_at: at.toISOString(),
      provider_id: valueById(sent.map((s) => [s.id, s.providerId])),
      locked_until: null,
      last_error: null,
    })
    .where(
      'id',
      'in',
      sent.map((s) => s.id),
    )
    .where(heldBy(claim))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * One more failed attempt of messages the claim still holds: back to the queue at `retryAt`, or
 * failed for good. Returns how many it marked.
 */
export async function markAttemptFailed(
  db: Db,
  ids: readonly string[],
  outcome: { error: string; retryAt: Date | null },
  claim: Claim,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('outbox_state')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      status: outcome.retryAt ? 'pending' : 'failed',
      next_attempt_at: outcome.retryAt ? outcome.retryAt.toISOString() : eb.ref('next_attempt_at'),
      last_error: outcome.error.slice(0, 2000),
      locked_until: null,
    }))
    .where('id', 'in', ids)
    .where(heldBy(claim))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Gives claimed messages back untried, to be sent at `notBefore` (or as soon as they are due). */
export async function releaseClaim(db: Db, ids: readonly string[], claim: Claim, notBefore?: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox_state')
    .set({ locked_until: null, ...(notBefore ? { next_attempt_at: notBefore.toISOString() } : {}) })
    .where('id', 'in', ids)
    .where(heldBy(claim))
    .execute();
}

/**
 * Moves a claim's lease on to `until` for those of `ids` it still holds, so that a send slower
 * than the lease is not taken over (and sent again) by another instance while it runs.
 */
export async function renewClaim(db: Db, ids: readonly string[], claim: string, until: string): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('outbox_state')
    .set({ locked_until: until })
    .where('id', 'in', ids)
    .where(heldBy(claim))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Fixes, before the first try, that these messages go together in one batch led by `leaderId`. */
export async function groupForBatch(db: Db, leaderId: string, ids: readonly string[]): Promise<void> {
  await db.updateTable('outbox_state').set({ batch_key: leaderId }).where('id', 'in', ids).execute();
}

/** Takes messages out of their batch for good: each is its own leader and is sent alone. */
export async function sendAlone(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox_state')
    .set((eb) => ({ batch_key: eb.ref('id') }))
    .where('id', 'in', ids)
    .execute();
}

/**
 * Deletes queued messages (a person's data erased, say). Their batch partners are made to go
 * alone: a batch is only claimed through its leader, so a partner of a deleted leader would
 * otherwise wait forever.
 */
export async function removeFromOutbox(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction().execute(async (trx) => {
    const keys = (
      await trx
        .selectFrom('outbox_state')
        .select('batch_key')
        .where('id', 'in', ids)
        .where('batch_key', 'is not', null)
        .execute()
    ).map((r) => r.batch_key!);
    await trx.deleteFrom('outbox_state').where('id', 'in', ids).execute();
    if (keys.length > 0) {
      await trx
        .updateTable('outbox_state')
        .set((eb) => ({ batch_key: eb.ref('id') }))
        .where('batch_key', 'in', keys)
        .where('status', '=', 'pending')
        .execute();
    }
  });
}
